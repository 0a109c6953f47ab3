// UI language: the user's last choice (localStorage), else the browser's language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enUS from './locales/en-US.json';
import zhCN from './locales/zh-CN.json';
import { setRequestLocale } from './services/http';
import type { Locale } from './services/types';

export const kLocales: readonly Locale[] = ['zh-CN', 'en-US'];
const kStorageKey = 'candor.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof enUS };
  }
}

function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(kStorageKey);
    return kLocales.includes(value as Locale) ? (value as Locale) : null;
  } catch {
    return null;
  }
}

export function browserLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en-US';
  }
  return 'en-US';
}

function applyLocale(locale: Locale): void {
  setRequestLocale(locale);
  document.documentElement.lang = locale;
}

export function currentLocale(): Locale {
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en-US';
}

export async function changeLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(kStorageKey, locale);
  } catch {
    // Private mode: the choice then lasts for this tab only.
  }
  applyLocale(locale);
  await i18n.changeLanguage(locale);
}

const initial = storedLocale() ?? browserLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
applyLocale(initial);

void i18n.use(initReactI18next).init({
  resources: {
    'en-US': { translation: enUS },
    'zh-CN': { translation: zhCN },
  },
  lng: initial,
  fallbackLng: 'en-US',
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', () => {
  document.title = i18n.t('app.name');
});

export default i18n;
