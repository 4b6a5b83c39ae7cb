/** react-i18next with Japanese by default and English; the choice is kept in localStorage. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ja } from './ja';

export const LANGUAGES = ['ja', 'en'] as const;
const saved = globalThis.localStorage?.getItem('zairyu.language');

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: saved === 'en' ? 'en' : 'ja',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (language) => {
  globalThis.localStorage?.setItem('zairyu.language', language);
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

export default i18n;
