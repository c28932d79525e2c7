// The page's elements and what it shows: the call state (idle | connecting | listening | thinking |
// speaking) on the button and status line, the polite notice and the alert, the UI strings, the
// answer mode (which decides whether the conversation log is a live region) and the display options.

import { debug } from './debug.js';
import { embedded, langTag, settings, t } from './settings.js';

const THINKING_TIMEOUT_MS = 30000;

const $ = (id) => document.getElementById(id);

export const ui = {
  app: $('app'),
  talk: $('talk'),
  talkLabel: $('talk-label'),
  status: $('status'),
  notice: $('notice'),
  alert: $('alert'),
  emergency: $('emergency'),
  level: $('level-bar'),
  captionUser: $('caption-user'),
  captionBot: $('caption-bot'),
  form: $('ask'),
  question: $('question'),
  questionError: $('question-error'),
  log: $('log'),
  logEmpty: $('log-empty'),
  clear: $('clear'),
  language: $('language'),
  modeVoice: $('mode-voice'),
  modeScreenReader: $('mode-screenreader'),
  contrast: $('contrast'),
  largeText: $('large-text'),
  slow: $('slow'),
};

// ---- visible state -----------------------------------------------------------------------------
// idle | connecting | listening | thinking | speaking
export let state = 'idle';
let hearing = false;

export function renderState() {
  ui.app.dataset.state = state;
  const label = state === 'listening' ? 'talkStop' : state === 'speaking' ? 'talkInterrupt' : 'talkStart';
  ui.talkLabel.textContent = t(label);
  const status = {
    idle: 'statusIdle',
    connecting: 'statusConnecting',
    listening: hearing ? 'statusHearing' : 'statusListening',
    thinking: 'statusThinking',
    speaking: 'statusSpeaking',
  }[state];
  // The status line is deliberately not a live region: in voice mode it would talk over the
  // reply audio. Button label, earcons and the log carry the same information to screen readers.
  ui.status.textContent = t(status);
}

let thinkingTimer = 0;
export function setState(next) {
  if (next !== 'listening') hearing = false;
  state = next;
  clearTimeout(thinkingTimer);
  if (next === 'thinking') {
    // never leave the button waiting for an answer that will not come (empty turn, lost reply)
    thinkingTimer = setTimeout(() => state === 'thinking' && setState('idle'), THINKING_TIMEOUT_MS);
  }
  renderState();
  debug.state = state;
}

/** The gateway heard voice while listening: the status line says so. */
export function showHearing() {
  hearing = true;
  renderState();
}

export function notify(key, vars) {
  // role="status": polite, for connection changes and similar one-off messages
  ui.notice.textContent = key ? t(key, vars) : '';
}

export function showError(key, vars) {
  ui.alert.textContent = key ? t(key, vars) : '';
}

// ---- strings and settings shown -----------------------------------------------------------------
export function applyStrings() {
  document.documentElement.lang = langTag(settings.language);
  document.title = t('pageTitle');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  renderState();
}

export function applyMode() {
  ui.modeVoice.checked = settings.mode === 'voice';
  ui.modeScreenReader.checked = settings.mode === 'screenreader';
  // role="log" stays; only screen reader mode makes it announce
  ui.log.setAttribute('aria-live', settings.mode === 'screenreader' ? 'polite' : 'off');
  document.documentElement.dataset.mode = settings.mode;
}

export function applyDisplay() {
  document.documentElement.classList.toggle('high-contrast', settings.contrast);
  document.documentElement.classList.toggle('large-text', settings.largeText);
  document.documentElement.classList.toggle('embedded', embedded);
  ui.contrast.checked = settings.contrast;
  ui.largeText.checked = settings.largeText;
  ui.slow.checked = settings.slow;
  ui.language.value = settings.language;
}
