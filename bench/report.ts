/** One JSON line per figure on stdout (`{"name","value","unit","n"}`), a table at the end. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  n: number;
}

const figures: Figure[] = [];

export function report(name: string, value: number, unit: string, n: number): void {
  const figure = { name, value: Math.round(value * 100) / 100, unit, n };
  figures.push(figure);
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `work` `runs` times one after another and reports p50/p95/p99 in ms. */
export async function latencies(name: string, runs: number, work: (i: number) => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  for (const p of [50, 95, 99]) report(`${name} p${p}`, percentile(times, p), 'ms', runs);
}

export function table(): string {
  const width = Math.max(...figures.map((f) => f.name.length));
  return figures.map((f) => `${f.name.padEnd(width)}  ${String(f.value).padStart(12)} ${f.unit.padEnd(9)} n=${f.n}`).join('\n');
}
