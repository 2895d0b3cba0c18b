import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'ansinh.language';

function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Resources are bundled (no loading over the network: the CSP allows only our own files). */
export function initI18n() {
  const lng = savedLanguage();
  document.documentElement.lang = lng;
  return i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
}

export function switchLanguage(lng: Language): void {
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this window only
  }
}
