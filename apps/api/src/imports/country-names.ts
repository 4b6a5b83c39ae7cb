/**
 * i18n-iso-countries with the English and Japanese names loaded (imports read them, exports write
 * the Japanese ones). Its `index.js`, not the package's Node entry, which registers all of its 80
 * languages: 8 MB more of the API's resident memory for names nobody reads.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries/index.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as countries.LocaleData);
countries.registerLocale(require('i18n-iso-countries/langs/ja.json') as countries.LocaleData);

export { countries };

/** The Japanese name of an ISO 3166-1 alpha-3 code, or the code where there is none (XXA, stateless). */
export function japaneseCountryName(alpha3: string): string {
  return countries.getName(alpha3, 'ja') ?? alpha3;
}
