/// <reference lib="dom" />
/**
 * The English words a Japanese screen shows, once what the test itself typed (names, e-mail
 * addresses, references) and an allow-list are taken out: a word left over is a text that missed
 * the dictionary.
 */
import type { Page } from 'playwright-core';

/** The language switcher names English in English; APIキー and QRコード are the Japanese words; formats and standards are their own names. */
export const ALLOWED_WORDS: readonly string[] = ['API', 'QR', 'English', 'CSV', 'XLSX', 'Excel', 'ISO', 'VNM', 'UTF', 'Shift_JIS', 'px'];

export interface Typed {
  /** Texts the test typed, taken out wherever they appear. */
  typed: readonly string[];
  /** Table cells whose whole text is one of these are names the harness typed (an API key named by its role). */
  cells?: readonly string[];
  /** Further words allowed on these screens (brand names). */
  allowed?: readonly string[];
}

export async function englishWords(page: Page, { typed, cells = [], allowed = [] }: Typed): Promise<string[]> {
  let text = await page.evaluate((labels) => {
    for (const cell of document.querySelectorAll('td')) if (labels.includes(cell.textContent?.trim() ?? '')) cell.textContent = '';
    return document.body.innerText;
  }, cells);
  for (const words of typed) text = text.split(words).join(' ');
  // E-mail addresses are typed too, links (an invitation's) are addresses, and the names of the keys that recorded a fact were typed.
  text = text
    .replace(/\S+@\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/APIキー「[^」]*」/g, ' ');
  const found = text.match(/(?<![A-Za-z0-9_])[A-Za-z][A-Za-z_]+(?![A-Za-z0-9_])/g) ?? [];
  const ok = new Set([...ALLOWED_WORDS, ...allowed]);
  return [...new Set(found.filter((word) => !ok.has(word)))];
}
