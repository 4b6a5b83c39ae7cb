/**
 * How typed text is compared in search (docs/api-v1.md additions of 2026-11-23): names keep what
 * was typed, but are matched after NFKC, case folding, diacritic folding (`Nguyen` finds
 * `Nguyễn`) and whitespace collapsing, on any word. Card numbers are read by the domain's
 * cardNumberForm, as everywhere else.
 */

/**
 * Latin, Vietnamese and other combining accents. Not the kana voicing marks (U+3099, U+309A):
 * ガ is not カ.
 */
const ACCENTS = /(?![\u3099\u309a])\p{Mn}/gu;
/** Letters that carry their mark inside the letter and do not decompose. */
const UNDECOMPOSED: Record<string, string> = { đ: 'd', ð: 'd', ø: 'o', ł: 'l', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };
/** Separators inside names: the middle dot of katakana readings, commas, slashes, hyphens. */
const SEPARATORS = /[\s・･,，、/／\-‐－]+/gu;

/** Hiragana to katakana, so a reading typed either way matches (ぐえん → グエン). */
function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0x60));
}

/** One comparable form of typed text: NFKC, lower case, no accents, katakana, single spaces. */
export function searchForm(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().normalize('NFD').replace(ACCENTS, '').normalize('NFC');
  const plain = [...folded].map((char) => UNDECOMPOSED[char] ?? char).join('');
  return toKatakana(plain).replace(SEPARATORS, ' ').trim();
}

export function searchWords(text: string): string[] {
  const form = searchForm(text);
  return form === '' ? [] : form.split(' ');
}

export interface Searchable {
  fullName: string;
  nameKana?: string | null;
  nameNative?: string | null;
  externalRef?: string | null;
}

/** The words a resident is found by: each word of each name, and the external reference whole. */
export function searchTokens(resident: Searchable): string[] {
  const words = [resident.fullName, resident.nameKana, resident.nameNative]
    .filter((name): name is string => typeof name === 'string')
    .flatMap(searchWords);
  if (resident.externalRef) words.push(resident.externalRef.normalize('NFKC').toLowerCase().trim(), ...searchWords(resident.externalRef));
  return [...new Set(words.filter((word) => word.length > 0))];
}

/**
 * A search word matches every word it begins (`ngu` finds `nguyen`); the read model keeps a
 * keyed hash of each beginning of each word, up to this many characters (a longer search word
 * is compared by its beginning).
 */
export const TOKEN_PREFIX_LENGTH = 32;

/** Every beginning of a word a search may type, the whole word included (up to TOKEN_PREFIX_LENGTH characters). */
export function tokenPrefixes(word: string): string[] {
  const chars = [...word].slice(0, TOKEN_PREFIX_LENGTH);
  return chars.map((_, index) => chars.slice(0, index + 1).join(''));
}

/** What a search word is compared as: its beginning, as tokenPrefixes keeps it. */
export function searchPrefix(word: string): string {
  return [...word].slice(0, TOKEN_PREFIX_LENGTH).join('');
}

/** Same name, date of birth and nationality: what makes a registration a possible duplicate. */
export function nameKey(fullName: string): string {
  return searchWords(fullName).sort().join(' ');
}
