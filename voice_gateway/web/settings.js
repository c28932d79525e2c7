// The page's settings: the address (?lang, ?mode, ?embed), the choices saved in localStorage, and
// the UI-string lookup in the chosen language. Storage may be unavailable (private mode, blocked
// third-party storage): the page still works, it just forgets on reload.

import { DEFAULT_LANGUAGE, LANGUAGES, STRINGS } from './i18n.js';

export const SETTINGS_KEY = 'malbeot.settings.v1';

export const params = new URLSearchParams(location.search);
export const embedded = params.get('embed') === '1';

// ---- storage (may be unavailable: private mode, blocked third-party storage) -------------------
export function readJson(storage, key, fallback) {
  try {
    const raw = storage.getItem(key);
    return raw ? JSON.parse(raw) : fallback;
  } catch {
    return fallback;
  }
}

export function writeJson(storage, key, value) {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or blocked: the page still works, it just forgets on reload
  }
}

export const localStore = (() => { try { return window.localStorage; } catch { return null; } })();
export const sessionStore = (() => { try { return window.sessionStorage; } catch { return null; } })();

function pickLanguage(saved) {
  const wanted = [params.get('lang'), saved, ...(navigator.languages || [navigator.language])];
  for (const tag of wanted) {
    const code = (tag || '').toLowerCase().split('-')[0];
    if (code in LANGUAGES) return code;
  }
  return DEFAULT_LANGUAGE;
}

function loadSettings() {
  const saved = (localStore && readJson(localStore, SETTINGS_KEY, {})) || {};
  const urlMode = params.get('mode');
  const mode = urlMode === 'screenreader' || urlMode === 'voice' ? urlMode : saved.mode;
  return {
    language: pickLanguage(saved.language),
    mode: mode === 'screenreader' ? 'screenreader' : 'voice',
    contrast: typeof saved.contrast === 'boolean'
      ? saved.contrast
      : Boolean(window.matchMedia && matchMedia('(prefers-contrast: more)').matches),
    largeText: Boolean(saved.largeText),
    slow: Boolean(saved.slow),
  };
}

/** The one settings object of the page; changed in place by the controls (malbeot.js). */
export const settings = loadSettings();
export const saveSettings = () => localStore && writeJson(localStore, SETTINGS_KEY, settings);

// ---- strings -----------------------------------------------------------------------------------
export function t(key, vars = {}) {
  const table = STRINGS[settings.language] || STRINGS.en;
  const text = table[key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

export const langTag = (code) => (LANGUAGES[code] ? LANGUAGES[code].tag : code || '');
