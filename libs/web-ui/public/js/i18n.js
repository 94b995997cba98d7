import { MESSAGES } from './messages.js';

const STORAGE_KEY = 'jejak.lang';
let current = readStoredLanguage();

function readStoredLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/** 'id' (default) or 'en'; the API is asked for `detail` in the same language. */
export function language() {
  return current;
}

export function setLanguage(lang) {
  current = lang === 'en' ? 'en' : 'id';
  try {
    localStorage.setItem(STORAGE_KEY, current);
  } catch {
    // private browsing may refuse storage; the choice then lasts until reload
  }
  document.documentElement.lang = current;
}

export function has(key) {
  return key in MESSAGES[current] || key in MESSAGES.id;
}

/** The text for `key` in the current language (Indonesian when English lacks it), `{name}` filled in. */
export function t(key, params) {
  const text = MESSAGES[current][key] ?? MESSAGES.id[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? '')) : text;
}

/** The label of a wire value (`stage`, `registered` -> "terdaftar"); unknown values show as they are. */
export function label(group, value) {
  if (value === null || value === undefined || value === '') return t('app.none');
  const key = `${group}.${value}`;
  return has(key) ? t(key) : String(value);
}

const locale = () => (current === 'en' ? 'en-GB' : 'id-ID');

/** `YYYY-MM-DD` as a local calendar date (never shifted by time zone). */
export function formatDate(isoDate) {
  if (!isoDate) return t('app.none');
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatInstant(iso) {
  if (!iso) return t('app.none');
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatRupiah(amount) {
  if (amount === null || amount === undefined) return t('app.none');
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(amount);
}

export function formatPercent(ratio) {
  if (ratio === null || ratio === undefined) return t('app.none');
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}
