// Malbeot web voice button: one large button to talk, a typed alternative, captions and a
// conversation log. Speaks the call websocket protocol of docs/protocol.md. Plain ES modules,
// no build step, no third-party code. This entry module holds what the person does (press, type,
// change a setting, keys) and starts the page; the rest lives in
//   settings.js        address options, saved settings, UI-string lookup (tables in i18n.js)
//   page.js            the page's elements, call state on the button, notices, display options
//   conversation.js    the conversation log (sessionStorage, one element per turn)
//   capture.js         audio context, earcons, microphone → pcm-worklet.js → 20 ms frames
//   playback.js        reply audio scheduled on the Web Audio clock, captions as heard
//   call.js            the call websocket: queueing until ready, reconnection, hang-up
//   server-messages.js what each message from the gateway does to the page
//   debug.js           counters read by the browser tests (window.malbeot.debug)
//
// One speech channel at a time:
//   * voice mode         - the gateway speaks answers (TTS); the log is role="log" aria-live="off",
//                          so a screen reader does not read the same answer at the same time;
//   * screen reader mode - the call runs with tts=false (no reply audio is sent); the log is a
//                          polite live region and each final turn is appended exactly once, as one
//                          complete element, so it is announced once. Partial transcripts only ever
//                          go to the (non-live) captions.

import { call, connect, ensureConnected, hangUp, send, sendControl } from './call.js';
import { audioContext, earcon, MicError, startCapture, stopCapture } from './capture.js';
import { addTurn, forgetConversation, restoreConversation } from './conversation.js';
import { debug } from './debug.js';
import { DEFAULT_LANGUAGE, LANGUAGES } from './i18n.js';
import {
  applyDisplay, applyMode, applyStrings, notify, setState, showError, state, ui,
} from './page.js';
import { outputLevel, player, stopPlayback } from './playback.js';
import { embedded, langTag, saveSettings, settings, t } from './settings.js';

window.malbeot = Object.freeze({ debug, press: () => press(), outputLevel: () => outputLevel(), version: '0.1.0' });

// ---- actions -------------------------------------------------------------------------------------
function clearConversation() {
  forgetConversation();
  // a fresh call, so the assistant forgets the old conversation too
  hangUp();
  notify('conversationCleared');
}

function bargeIn() {
  debug.bargeIns += 1;
  player.drop = true; // anything still in flight belongs to the interrupted reply
  stopPlayback();
  sendControl({ type: 'barge_in' });
}

async function startListening() {
  showError(null);
  notify(null);
  ui.captionUser.textContent = '';
  setState('listening');
  connect(); // in parallel with opening the microphone; audio is queued until `ready`
  try {
    await startCapture();
  } catch (error) {
    if (state === 'listening') setState('idle');
    showError(error instanceof MicError ? error.key : 'micAbsent');
    return;
  }
  ensureConnected().catch(() => {
    if (state === 'listening') {
      stopCapture();
      setState('idle');
    }
  });
}

function endTurn() {
  stopCapture();
  earcon(false);
  setState('thinking');
  send({ type: 'end_turn' });
}

let lastPress = -Infinity;
function press() {
  // an unsteady double click is one press (held keys are handled in bind())
  const now = performance.now();
  if (now - lastPress < 300) return;
  lastPress = now;
  audioContext(); // inside the gesture: lets reply audio and capture start
  switch (state) {
    case 'listening':
      endTurn();
      break;
    case 'speaking':
    case 'thinking':
      bargeIn();
      startListening();
      break;
    default:
      startListening();
  }
}

function submitQuestion(event) {
  event.preventDefault();
  const text = ui.question.value.trim();
  if (!text) {
    ui.question.setAttribute('aria-invalid', 'true');
    ui.questionError.textContent = t('textEmpty');
    ui.question.focus();
    return;
  }
  ui.question.removeAttribute('aria-invalid');
  ui.questionError.textContent = '';
  showError(null);
  audioContext();
  if (state === 'listening') stopCapture();
  if (state === 'speaking' || state === 'thinking') bargeIn();
  addTurn('user', text, settings.language);
  ui.captionUser.textContent = text;
  ui.captionUser.lang = langTag(settings.language);
  call.pendingTyped = text;
  ui.question.value = '';
  setState('thinking');
  send({ type: 'text', text, language: settings.language });
  ensureConnected().catch(() => {
    if (state === 'thinking') setState('idle');
  });
}

// ---- settings ------------------------------------------------------------------------------------
function onModeChange() {
  settings.mode = ui.modeScreenReader.checked ? 'screenreader' : 'voice';
  saveSettings();
  if (settings.mode === 'screenreader' && (state === 'speaking' || player.sources.size > 0)) bargeIn();
  if (state === 'speaking') setState('idle');
  applyMode();
  sendControl({ type: 'config', tts: settings.mode === 'voice' });
}

function bind() {
  ui.talk.addEventListener('click', press);
  ui.talk.addEventListener('keydown', (event) => {
    // a held Enter or Space would toggle talking on and off: only the first key press counts
    if (event.repeat && (event.key === 'Enter' || event.key === ' ')) event.preventDefault();
  });
  ui.form.addEventListener('submit', submitQuestion);
  ui.question.addEventListener('input', () => {
    if (ui.question.getAttribute('aria-invalid') === 'true' && ui.question.value.trim()) {
      ui.question.removeAttribute('aria-invalid');
      ui.questionError.textContent = '';
    }
  });
  ui.clear.addEventListener('click', clearConversation);
  ui.language.addEventListener('change', () => {
    settings.language = ui.language.value in LANGUAGES ? ui.language.value : DEFAULT_LANGUAGE;
    saveSettings();
    applyStrings();
    sendControl({ type: 'config', language: settings.language });
  });
  ui.modeVoice.addEventListener('change', onModeChange);
  ui.modeScreenReader.addEventListener('change', onModeChange);
  ui.contrast.addEventListener('change', () => {
    settings.contrast = ui.contrast.checked;
    saveSettings();
    applyDisplay();
  });
  ui.largeText.addEventListener('change', () => {
    settings.largeText = ui.largeText.checked;
    saveSettings();
    applyDisplay();
  });
  ui.slow.addEventListener('change', () => {
    settings.slow = ui.slow.checked;
    saveSettings();
    sendControl({ type: 'config', elderly: settings.slow });
  });

  document.addEventListener('keydown', (event) => {
    // Alt+Shift+M (Option+Shift+M): by physical key, so it works with any keyboard layout or IME.
    // Screen readers use Insert/CapsLock (NVDA, JAWS) or Control+Option (VoiceOver), so no clash.
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyM') {
      event.preventDefault();
      if (event.repeat) return;
      ui.talk.focus();
      press();
      return;
    }
    if (event.key === 'Escape') {
      if (state === 'speaking') {
        event.preventDefault();
        bargeIn();
        setState('idle');
      } else if (state === 'listening') {
        event.preventDefault();
        endTurn();
      } else if (embedded && window.parent !== window) {
        window.parent.postMessage({ type: 'malbeot:close' }, '*');
      }
    }
  });

  if (embedded) {
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent || !event.data || typeof event.data !== 'object') return;
      if (event.data.type === 'malbeot:focus') ui.talk.focus();
    });
  }

  window.addEventListener('online', () => {
    if (call.lost && !call.ws) {
      clearTimeout(call.timer);
      connect();
    }
  });
  window.addEventListener('pagehide', () => hangUp());
}

applyDisplay();
applyStrings();
restoreConversation();
bind();
// only after the restored turns are in the accessibility tree does the log become live (in screen
// reader mode), so a reload does not re-read the whole conversation
setTimeout(applyMode, 250);
ui.modeVoice.checked = settings.mode === 'voice';
ui.modeScreenReader.checked = settings.mode === 'screenreader';
document.documentElement.dataset.mode = settings.mode;
