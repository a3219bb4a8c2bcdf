import { describe, expect, it } from 'vitest';
import en from './en.json';
import uk from './uk.json';
import { initialLanguage, localeOf, toLanguage } from './language.js';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

// Plural suffixes differ by language (Ukrainian has one/few/many/other), so compare base keys.
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('translations', () => {
  const english = leaves(en);
  const ukrainian = leaves(uk);

  it('give every label in both languages', () => {
    const enKeys = new Set([...english.keys()].map(base));
    const ukKeys = new Set([...ukrainian.keys()].map(base));
    expect([...enKeys].filter((key) => !ukKeys.has(key))).toEqual([]);
    expect([...ukKeys].filter((key) => !enKeys.has(key))).toEqual([]);
  });

  it('have no empty labels', () => {
    for (const [key, value] of [...english, ...ukrainian]) expect(value.trim(), key).not.toBe('');
  });

  it('give Ukrainian every plural form it needs', () => {
    const plurals = [...english.keys()].filter((key) => key.endsWith('_other')).map(base);
    for (const key of plurals) {
      for (const form of ['one', 'few', 'many', 'other'])
        expect(ukrainian.has(`${key}_${form}`), `${key}_${form}`).toBe(true);
    }
  });

  it('keep the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of english) {
      const counterpart = ukrainian.get(key) ?? ukrainian.get(`${base(key)}_other`);
      if (counterpart !== undefined) expect(placeholders(counterpart), key).toEqual(placeholders(value));
    }
  });
});

describe('language choice', () => {
  it('prefers the remembered language, then the browser', () => {
    expect(initialLanguage('uk', ['en-US'])).toBe('uk');
    expect(initialLanguage(null, ['uk-UA', 'en'])).toBe('uk');
    expect(initialLanguage('fr', ['de-DE'])).toBe('en');
  });

  it('maps languages to formatting locales', () => {
    expect(localeOf('en')).toBe('en-GB');
    expect(localeOf('uk')).toBe('uk-UA');
    expect(toLanguage('uk-UA')).toBe('uk');
    expect(toLanguage(undefined)).toBe('en');
  });
});
