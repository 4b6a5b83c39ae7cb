/**
 * A Japanese font for the PDF drafts, from npm: BIZ UDPゴシック (@fontsource/biz-udpgothic, OFL),
 * the font the web UI shows. The package splits it into slices by unicode-range (as Google Fonts
 * serves it), so a text is written as runs, each in the slice that holds its characters; what no
 * slice holds falls back to the PDF's own Helvetica.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface Slice {
  file: string;
  ranges: Array<[number, number]>;
}

let slices: Slice[] | null = null;

/** Each slice of the given weight and the code points it covers, as its CSS says. */
function slicesOf(): Slice[] {
  if (slices !== null) return slices;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@fontsource/biz-udpgothic/package.json'));
  const css = readFileSync(join(root, '400.css'), 'utf8');
  slices = [...css.matchAll(/url\(\.\/files\/([^)]+\.woff)\) format\('woff'\);\s*unicode-range: ([^;]+);/g)].map(([, file, ranges]) => ({
    file: join(root, 'files', file!),
    ranges: ranges!.split(',').map((range) => {
      const [from, to] = range.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
    }),
  }));
  return slices;
}

/** The font file that draws this character; null: none of the slices (Helvetica draws it). */
export function fontFileFor(char: string): string | null {
  const code = char.codePointAt(0)!;
  return slicesOf().find((slice) => slice.ranges.some(([from, to]) => code >= from && code <= to))?.file ?? null;
}

/** The text cut where the slice changes: each run drawn in one font file. */
export function fontRuns(text: string): Array<{ file: string | null; text: string }> {
  const runs: Array<{ file: string | null; text: string }> = [];
  for (const char of text) {
    // A space too is drawn by the slice that holds it (a Japanese slice has no space glyph).
    const file = fontFileFor(char);
    const last = runs.at(-1);
    if (last && last.file === file) last.text += char;
    else runs.push({ file, text: char });
  }
  return runs;
}
