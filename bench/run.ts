/**
 * `npm run bench` (full sizes) or `npm run bench -- --quick` (small sizes, under 2 minutes).
 * Starts its own embedded PostgreSQL in a temporary directory unless BENCH_DATABASE_URL is set.
 * Prints one JSON line per figure on stdout, progress on stderr, and a table at the end.
 */
import 'reflect-metadata';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgPool, startEmbeddedPostgres } from '@zairyu/event-store';
import { openReadModel } from '@zairyu/read-model';
import { appendFigure } from './figures/append.js';
import { httpFigure } from './figures/http.js';
import { importFigure } from './figures/import.js';
import { noisyNeighbourFigure } from './figures/noisy-neighbour.js';
import { checkRealism, lagFigure, rebuildFigure, writeCaseload } from './figures/rebuild.js';
import { progress, report, table } from './report.js';
import { sqlStatsSettings } from './sql-statements.js';

const quick = process.argv.includes('--quick');
/** `--only append|rebuild|queries|http|noisy|fuzz|import` runs one figure (and what it needs), for profiling. */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length) ?? null;
const wanted = (figure: string) => only === null || only === figure;
const sizes = quick
  ? {
      appends: 2_000,
      residents: 2_500,
      eventsPerResident: 20,
      lagSeconds: 5,
      single: 10_000,
      across: 100_000,
      runs: 1_000,
      httpSeconds: 5,
      httpResidents: 200,
      fuzzRuns: 500,
      importRows: 1_000,
      noisy: { seconds: 5, longStream: 300, neighbourResidents: 100 },
    }
  : {
      appends: 20_000,
      residents: 50_000,
      eventsPerResident: 20,
      lagSeconds: 20,
      single: 100_000,
      across: 1_000_000,
      runs: 1_000,
      httpSeconds: 20,
      httpResidents: 1_000,
      fuzzRuns: 5_000,
      importRows: 10_000,
      noisy: { seconds: 20, longStream: 500, neighbourResidents: 500 },
    };

// The query and fuzz figures load the API's own modules (its handlers, the whole app): they are
// imported only when they run, so that the figures before them (the rebuild's peak RSS above
// all) measure this process without the app in it.
async function main(): Promise<void> {
  progress(`${quick ? 'quick' : 'full'} run: ${JSON.stringify(sizes)}`);
  const root = await mkdtemp(join(tmpdir(), 'zairyu-bench-'));
  await chmod(root, 0o755);
  const server = process.env['BENCH_DATABASE_URL']
    ? null
    : await startEmbeddedPostgres({ dataDir: join(root, 'postgres'), persistent: false, settings: sqlStatsSettings });
  const databaseUrl = process.env['BENCH_DATABASE_URL'] ?? server!.url;
  const pool = createPgPool(databaseUrl, { max: 40, applicationName: 'zairyu-bench' });
  try {
    const dataSource = await openReadModel(databaseUrl);
    if (wanted('append')) await appendFigure(pool, sizes.appends);
    if (only === 'append') return;
    if (wanted('import')) await importFigure(pool, databaseUrl, sizes.importRows);
    if (only === 'import') return;

    // The written caseload is what the rebuild and query figures measure; the HTTP figures make their own.
    if (wanted('rebuild') || wanted('queries')) {
      const realism = checkRealism(200);
      report('generated lives the decider accepts', (100 * realism.accepted) / realism.sample, '%', realism.sample);
      const organisations = Array.from({ length: 10 }, () => crypto.randomUUID());
      // The query figure needs real projected lives only as templates and a sample of streams.
      const lives = only === 'queries' ? 1_000 : sizes.residents;
      progress(`writing ${(lives * sizes.eventsPerResident).toLocaleString('en')} events for ${lives.toLocaleString('en')} residents`);
      await writeCaseload(pool, organisations, lives, sizes.eventsPerResident);
      await rebuildFigure(pool, databaseUrl);
      if (wanted('rebuild')) await lagFigure(pool, Number(process.env['BENCH_LAG_SECONDS'] ?? sizes.lagSeconds), 1000);
      if (wanted('queries')) {
        const { queriesFigure } = await import('./figures/queries.js');
        await queriesFigure(pool, databaseUrl, { single: sizes.single, across: sizes.across, runs: sizes.runs });
      }
    }
    await dataSource.destroy();
    if (wanted('http')) await httpFigure(pool, databaseUrl, sizes.httpSeconds, sizes.httpResidents);
    if (wanted('noisy')) await noisyNeighbourFigure(databaseUrl, sizes.noisy);
    if (wanted('fuzz')) {
      const { fuzzFigure } = await import('./figures/fuzz.js');
      await fuzzFigure(databaseUrl, sizes.fuzzRuns);
    }
  } finally {
    process.stderr.write(`\n${table()}\n`);
    await pool.end();
    await server?.stop();
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
