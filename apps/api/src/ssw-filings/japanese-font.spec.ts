/** The PDF font: every character of a form's Japanese and Latin text is drawn by a slice that holds it. */
import { describe, expect, test } from '@jest/globals';
import { fontFileFor, fontRuns } from './japanese-font.js';

describe('the font slices of BIZ UDPGothic', () => {
  test('kanji, kana, Latin letters, digits and the space each find a slice; runs change where the slice does', () => {
    for (const char of ['面', '談', 'ベ', 'ト', 'A', '7', ' ', '〜', '、', '（', '('])
      expect(fontFileFor(char)).toMatch(/biz-udpgothic-.*-400-normal\.woff$/);
    const runs = fontRuns('NGUYEN VAN AN 愛知県名古屋市');
    expect(runs.map((run) => run.text).join('')).toBe('NGUYEN VAN AN 愛知県名古屋市');
    expect(runs.every((run) => run.file !== null)).toBe(true);
    // Each character in the slice whose range names it: a space after kanji is not left to a kanji slice (no glyph there).
    for (const run of fontRuns('山田 太郎 Sakura Support')) for (const char of run.text) expect(fontFileFor(char)).toBe(run.file);
  });

  test('a character no slice holds falls to the PDF’s Helvetica', () => {
    expect(fontFileFor('\u{E000}')).toBeNull();
  });
});
