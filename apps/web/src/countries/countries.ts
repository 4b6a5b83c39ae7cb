/**
 * Nationalities as a Japanese office writes them: the ledger keeps ISO 3166-1 alpha-3 codes,
 * the screens show the country's name (i18n-iso-countries, Japanese or English) and the
 * registration form reads a name typed in either language, or the everyday names the import
 * reads too (ベトナム, 中国, 台湾), back into the code.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ja from 'i18n-iso-countries/langs/ja.json' with { type: 'json' };
// Relative, not @domain: the unit tests import this file without Vite's alias.
import { COUNTRY_ALIASES } from '../../../../libs/domain/src/country-aliases';

countries.registerLocale(en as countries.LocaleData);
countries.registerLocale(ja as countries.LocaleData);

/** The country's name in the screen's language, or the code where there is none (XXA, stateless). */
export function countryName(alpha3: string | null | undefined, language: string): string {
  if (!alpha3) return '—';
  return countries.getName(alpha3, language === 'en' ? 'en' : 'ja') ?? alpha3;
}

/** As the import compares names: NFKC, no spaces, brackets, middle dots or hyphens, lower case. */
const loose = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()[\]（）「」・･\-_.,]/g, '');

const BY_NAME = new Map<string, string>();
for (const locale of ['en', 'ja'] as const) {
  for (const [alpha2, names] of Object.entries(countries.getNames(locale, { select: 'all' }))) {
    const alpha3 = countries.alpha2ToAlpha3(alpha2);
    if (alpha3 === undefined) continue;
    for (const name of names) if (!BY_NAME.has(loose(name))) BY_NAME.set(loose(name), alpha3);
  }
}
for (const [name, alpha3] of Object.entries(COUNTRY_ALIASES)) BY_NAME.set(loose(name), alpha3);

/** The alpha-3 code of a nationality typed as a name (ベトナム, Vietnam) or an ISO code (VNM, VN); null if none. */
export function typedNationality(text: string): string | null {
  const trimmed = text.normalize('NFKC').trim();
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && countries.isValid(upper)) return upper;
  if (/^[A-Z]{2}$/.test(upper) && countries.isValid(upper)) return countries.alpha2ToAlpha3(upper) ?? null;
  return BY_NAME.get(loose(trimmed)) ?? null;
}

/** Every country's name in the screen's language, for a form's suggestions. */
export function countryNames(language: string): string[] {
  return Object.values(countries.getNames(language === 'en' ? 'en' : 'ja')).sort((a, b) => a.localeCompare(b, language));
}
