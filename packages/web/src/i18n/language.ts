// Which language the interface speaks, where the choice is remembered, and the locale it formats with.

export const LANGUAGES = ['en', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

export const STORAGE_KEY = 'compact.language';

const LOCALES: Record<Language, string> = { en: 'en-GB', uk: 'uk-UA' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps an i18next language tag ("uk", "uk-UA", "en-US") to one of ours; English when unknown. */
export function toLanguage(tag: string | undefined | null): Language {
  const base = tag?.toLowerCase().split('-')[0];
  return isLanguage(base) ? base : 'en';
}

export function localeOf(language: Language): string {
  return LOCALES[language];
}

/** The remembered choice wins; otherwise Ukrainian for Ukrainian browsers and English for the rest. */
export function initialLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  return preferred.some((tag) => toLanguage(tag) === 'uk') ? 'uk' : 'en';
}

/** localStorage can throw (privacy modes, disabled storage); the choice then lasts for the session only. */
export function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Nothing to do: the language still applies until the page is closed.
  }
}
