import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { STRINGS } from './strings.ts';

/** The UI follows the system language (简体中文 or English) until the user switches. */
export function setupI18n(): typeof i18next {
  const saved = window.localStorage.getItem('backfile.language');
  const system = navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  void i18next.use(initReactI18next).init({
    resources: STRINGS,
    lng: saved ?? system,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18next;
}
