/** What an English message names that a reader needs: dates, numbers and codes, field names, programmes. */
const SPECIFICS = /\d{4}-\d{2}-\d{2}|\d+(?:\.\d+)*|\b[a-z]+[A-Z][A-Za-z]*\b|TKM (?:Pemula|Lanjutan)/g;

/** The Indonesian text is a translation (not the English again) that names every specific the English names. */
export function expectSameSpecifics(english: string, indonesian: string, field?: string): void {
  expect(indonesian).not.toBe(english);
  expect(indonesian).not.toMatch(/undefined|\[object/);
  for (const [specific] of english.matchAll(SPECIFICS)) expect({ english, indonesian: indonesian.includes(specific) }).toEqual({ english, indonesian: true });
  if (field && new RegExp(`\\b${field}\\b`).test(english)) expect(indonesian.toLowerCase()).toContain(field.toLowerCase());
}
