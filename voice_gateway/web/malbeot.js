// Malbeot web voice button: one large button to talk, a typed alternative, captions and a
// conversation log. Speaks the call websocket protocol of docs/protocol.md. Plain ES module,
// no build step, no third-party code.
//
// One speech channel at a time:
//   * voice mode         - the gateway speaks answers (TTS); the log is role="log" aria-live="off",
//                          so a screen reader does not read the same answer at the same time;
//   * screen reader mode - the call runs with tts=false (no reply audio is sent); the log is a
//                          polite live region and each final turn is appended exactly once, as one
//                          complete element, so it is announced once. Partial transcripts only ever
//                          go to the (non-live) captions.

import { DEFAULT_LANGUAGE, LANGUAGES, STRINGS } from './i18n.js';

const TARGET_RATE = 16000; // what the worklet sends (pcm16, mono)
const REPLY_RATE = 16000; // what we ask the gateway to send back
const FRAME_MS = 20;
const SETTINGS_KEY = 'malbeot.settings.v1';
const CONVERSATION_KEY = 'malbeot.conversation.v1';
const MAX_TURNS = 100;
const MAX_QUEUED_FRAMES = 500; // 10 s of speech kept while the socket (re)connects
const CONNECT_TIMEOUT_MS = 10000;
const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];
// Mic audio is dropped until the "listening" earcon has played. In screen reader mode the earcon
// waits until the screen reader has said the button's new name ("Stop talking"): Chrome's echo
// canceller cannot remove speech that another program plays, so it must not reach the gateway.
const EARCON_DELAY_S = { voice: 0, screenreader: 0.9 };
const EARCON_GUARD_S = 0.2;
const PLAYBACK_LEAD_S = 0.08; // jitter buffer before the first reply frame plays
const THINKING_TIMEOUT_MS = 30000;

const params = new URLSearchParams(location.search);
const embedded = params.get('embed') === '1';
const $ = (id) => document.getElementById(id);

const ui = {
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

// ---- storage (may be unavailable: private mode, blocked third-party storage) -------------------
function readJson(storage, key, fallback) {
  try {
    const raw = storage.getItem(key);
    return raw ? JSON.parse(raw) : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(storage, key, value) {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or blocked: the page still works, it just forgets on reload
  }
}

const localStore = (() => { try { return window.localStorage; } catch { return null; } })();
const sessionStore = (() => { try { return window.sessionStorage; } catch { return null; } })();

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

const settings = loadSettings();
const saveSettings = () => localStore && writeJson(localStore, SETTINGS_KEY, settings);

// ---- strings -----------------------------------------------------------------------------------
function t(key, vars = {}) {
  const table = STRINGS[settings.language] || STRINGS.en;
  const text = table[key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

const langTag = (code) => (LANGUAGES[code] ? LANGUAGES[code].tag : code || '');

function applyStrings() {
  document.documentElement.lang = langTag(settings.language);
  document.title = t('pageTitle');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  renderState();
}

// ---- visible state -----------------------------------------------------------------------------
// idle | connecting | listening | thinking | speaking
let state = 'idle';
let hearing = false;

function renderState() {
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
function setState(next) {
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

function notify(key, vars) {
  // role="status": polite, for connection changes and similar one-off messages
  ui.notice.textContent = key ? t(key, vars) : '';
}

function showError(key, vars) {
  ui.alert.textContent = key ? t(key, vars) : '';
}

// ---- conversation log --------------------------------------------------------------------------
let turns = (sessionStore && readJson(sessionStore, CONVERSATION_KEY, [])) || [];
if (!Array.isArray(turns)) turns = [];

function turnElement(turn) {
  const item = document.createElement('div');
  item.className = `turn turn-${turn.who}`;
  if (turn.intent) item.dataset.intent = turn.intent; // read by the kiosk page (kiosk.js)
  const line = document.createElement('p');
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = `${turn.label}: `;
  const text = document.createElement('span');
  text.className = 'text';
  if (turn.language) text.lang = langTag(turn.language);
  text.textContent = turn.text;
  line.append(who, text);
  item.append(line);
  const programmes = Array.isArray(turn.programmes) ? turn.programmes : [];
  if (programmes.length > 0) {
    // names only, no controls: the turn stays one short announcement and adds no tab stops
    const label = document.createElement('p');
    label.className = 'programmes-label';
    label.textContent = t('benefitsLabel');
    const list = document.createElement('ul');
    list.className = 'programmes';
    if (turn.language) list.lang = langTag(turn.language);
    for (const programme of programmes) {
      const entry = document.createElement('li');
      entry.dataset.programmeId = String(programme.id ?? '');
      entry.textContent = programme.name || String(programme.id ?? '');
      list.append(entry);
    }
    item.append(label, list);
  }
  return item;
}

// The caller chose a language by speaking or typing ("Tiếng Việt được không?"): the page's own
// strings, its saved setting and the call follow, as if the language menu had been used.
function followChosenLanguage(message) {
  const chosen = String(message.language || '');
  if (message.intent !== 'change_language' || !(chosen in LANGUAGES) || chosen === settings.language) return;
  ui.language.value = chosen;
  ui.language.dispatchEvent(new Event('change'));
}

function addTurn(who, text, language, programmes = [], intent = '') {
  const turn = {
    who,
    intent,
    label: t(who === 'user' ? 'whoYou' : 'whoMalbeot'),
    text,
    language,
    programmes: programmes.map((p) => ({ id: p.id, name: p.name, how_to_apply: p.how_to_apply || '' })),
  };
  turns.push(turn);
  if (turns.length > MAX_TURNS) turns = turns.slice(-MAX_TURNS);
  if (sessionStore) writeJson(sessionStore, CONVERSATION_KEY, turns);
  const element = turnElement(turn);
  ui.logEmpty.hidden = true;
  ui.log.append(element); // one insertion of a complete turn = one announcement
  debug.turns += 1;
}

function restoreConversation() {
  // the log is aria-live="off" in the served HTML, so restored turns are not re-announced
  for (const turn of turns) ui.log.append(turnElement(turn));
  ui.logEmpty.hidden = turns.length > 0;
}

function clearConversation() {
  turns = [];
  if (sessionStore) writeJson(sessionStore, CONVERSATION_KEY, turns);
  ui.log.replaceChildren(); // aria-relevant="additions": removals are not announced
  ui.logEmpty.hidden = false;
  ui.captionUser.textContent = '';
  ui.captionBot.textContent = '';
  // a fresh call, so the assistant forgets the old conversation too
  hangUp();
  notify('conversationCleared');
}

// ---- test/diagnostic counters (read by the browser tests; no effect on behaviour) --------------
const debug = {
  state,
  callId: null,
  connects: 0,
  framesSent: 0,
  replyFrames: 0,
  replySeconds: 0,
  sourcesStarted: 0,
  sourcesEnded: 0,
  bargeIns: 0,
  turns: 0,
  messages: [],
};
window.malbeot = Object.freeze({ debug, press: () => press(), outputLevel: () => outputLevel(), version: '0.1.0' });

// ---- audio: context, earcons, capture, playback -----------------------------------------------
const audio = {
  ctx: null,
  worklet: null,
  stream: null,
  source: null,
  node: null,
  sink: null,
  captureToken: 0,
  sendFrom: 0,
};

function audioContext() {
  // created synchronously inside a user gesture (button press) so it starts running
  if (!audio.ctx) {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return null;
    audio.ctx = new Context({ latencyHint: 'interactive' });
    audio.worklet = audio.ctx.audioWorklet
      ? audio.ctx.audioWorklet.addModule(new URL('pcm-worklet.js', import.meta.url).href)
      : Promise.reject(new Error('AudioWorklet unsupported'));
    audio.worklet.catch(() => {}); // reported when capture starts
  }
  if (audio.ctx.state === 'suspended') audio.ctx.resume().catch(() => {});
  return audio.ctx;
}

function earcon(rising, delay = 0) {
  const ctx = audio.ctx;
  if (!ctx || ctx.state !== 'running') return;
  const now = ctx.currentTime + delay;
  const tones = rising ? [660, 880] : [880, 620];
  tones.forEach((frequency, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = frequency;
    const start = now + i * 0.08;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.18, start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.07);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + 0.08);
  });
}

class MicError extends Error {
  constructor(key) {
    super(key);
    this.key = key;
  }
}

async function openMicrophone() {
  if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    throw new MicError('micUnsupported');
  }
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
  } catch (error) {
    switch (error && error.name) {
      case 'NotAllowedError':
      case 'SecurityError':
        throw new MicError('micDenied');
      case 'NotFoundError':
      case 'OverconstrainedError':
        throw new MicError('micAbsent');
      case 'NotReadableError':
      case 'AbortError':
        throw new MicError('micBusy');
      default:
        throw new MicError('micAbsent');
    }
  }
}

async function startCapture() {
  const token = ++audio.captureToken;
  const ctx = audioContext();
  if (!ctx) throw new MicError('micUnsupported');
  const stream = await openMicrophone();
  try {
    await audio.worklet;
  } catch {
    stream.getTracks().forEach((track) => track.stop());
    throw new MicError('micUnsupported');
  }
  if (token !== audio.captureToken) {
    // the turn was ended (or the page hid) while the browser was still opening the microphone
    stream.getTracks().forEach((track) => track.stop());
    return false;
  }
  audio.stream = stream;
  audio.source = ctx.createMediaStreamSource(stream);
  audio.node = new AudioWorkletNode(ctx, 'pcm-capture', {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    outputChannelCount: [1],
    processorOptions: { targetRate: TARGET_RATE, frameMs: FRAME_MS },
  });
  audio.node.port.onmessage = (event) => onCaptureFrame(token, event.data);
  audio.sink = ctx.createGain();
  audio.sink.gain.value = 0; // keeps the worklet pulled by the graph, silently
  audio.source.connect(audio.node).connect(audio.sink).connect(ctx.destination);
  const delay = EARCON_DELAY_S[settings.mode] || 0;
  earcon(true, delay);
  audio.sendFrom = ctx.currentTime + delay + EARCON_GUARD_S;
  for (const track of stream.getAudioTracks()) {
    track.addEventListener('ended', () => {
      if (token === audio.captureToken && state === 'listening') {
        stopCapture();
        setState('idle');
        showError('micAbsent');
      }
    });
  }
  return true;
}

function stopCapture() {
  audio.captureToken += 1;
  if (audio.stream) audio.stream.getTracks().forEach((track) => track.stop());
  if (audio.source) audio.source.disconnect();
  if (audio.node) {
    audio.node.port.onmessage = null;
    audio.node.disconnect();
  }
  if (audio.sink) audio.sink.disconnect();
  audio.stream = audio.source = audio.node = audio.sink = null;
  ui.level.style.width = '0';
}

let levelFrame = 0;
function onCaptureFrame(token, data) {
  if (token !== audio.captureToken || state !== 'listening') return;
  if (audio.ctx && audio.ctx.currentTime < audio.sendFrom) return;
  sendAudio(data.pcm);
  if (!levelFrame) {
    levelFrame = requestAnimationFrame(() => {
      levelFrame = 0;
      ui.level.style.width = `${Math.min(100, Math.round(Math.sqrt(data.peak) * 100))}%`;
    });
  }
}

// Reply audio: PCM16 frames scheduled back to back on the Web Audio clock.
const player = {
  rate: REPLY_RATE,
  next: 0,
  sources: new Set(),
  finished: false,
  carry: null, // odd trailing byte of a frame
  drop: false, // after a barge-in: discard audio until the next answer
  output: null,
  meter: null,
  caption: null, // sentence of the latest audio_start, shown when its first frame plays
  captionTimers: [],
};

function playbackOutput(ctx) {
  if (!player.output) {
    player.output = ctx.createGain();
    player.output.connect(ctx.destination);
    player.meter = ctx.createAnalyser(); // measures what is being played (diagnostics, tests)
    player.meter.fftSize = 2048;
    player.output.connect(player.meter);
  }
  return player.output;
}

function outputLevel() {
  if (!player.meter) return 0;
  const samples = new Float32Array(player.meter.fftSize);
  player.meter.getFloatTimeDomainData(samples);
  let sum = 0;
  for (const v of samples) sum += v * v;
  return Math.sqrt(sum / samples.length);
}

function playReplyFrame(data) {
  const ctx = audio.ctx;
  if (player.drop || !ctx || settings.mode !== 'voice' || state === 'listening') return;
  let bytes = new Uint8Array(data);
  if (player.carry) {
    const joined = new Uint8Array(bytes.length + 1);
    joined[0] = player.carry[0];
    joined.set(bytes, 1);
    bytes = joined;
    player.carry = null;
  }
  if (bytes.length % 2 === 1) {
    player.carry = bytes.slice(-1);
    bytes = bytes.subarray(0, bytes.length - 1);
  }
  const count = bytes.length / 2;
  if (count === 0) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const samples = new Float32Array(count);
  for (let i = 0; i < count; i++) samples[i] = view.getInt16(i * 2, true) / 32768;
  const buffer = ctx.createBuffer(1, count, player.rate);
  buffer.copyToChannel(samples, 0);
  const source = ctx.createBufferSource();
  source.buffer = buffer;
  source.connect(playbackOutput(ctx));
  if (player.next < ctx.currentTime + 0.01) player.next = ctx.currentTime + PLAYBACK_LEAD_S; // start or underrun
  source.start(player.next);
  if (player.caption !== null) {
    // captions follow what is heard, not what has arrived
    const text = player.caption;
    player.caption = null;
    const delay = Math.max(0, (player.next - ctx.currentTime) * 1000);
    player.captionTimers.push(setTimeout(() => { ui.captionBot.textContent = text; }, delay));
  }
  player.next += buffer.duration;
  player.sources.add(source);
  debug.sourcesStarted += 1;
  debug.replySeconds += buffer.duration;
  source.onended = () => {
    player.sources.delete(source);
    debug.sourcesEnded += 1;
    if (player.finished && player.sources.size === 0) onReplyPlayed();
  };
}

function stopPlayback() {
  for (const source of player.sources) {
    source.onended = null;
    try {
      source.stop();
    } catch {
      // never started
    }
  }
  player.sources.clear();
  player.next = 0;
  player.finished = false;
  player.carry = null;
  player.caption = null;
  player.captionTimers.forEach(clearTimeout);
  player.captionTimers = [];
}

function onReplyPlayed() {
  player.finished = false;
  if (state === 'speaking') setState('idle');
}

// ---- the call websocket --------------------------------------------------------------------------
const call = {
  ws: null,
  ready: false,
  waiters: [],
  outbox: [], // messages (strings and audio frames) waiting for `ready`
  attempt: 0,
  timer: 0,
  lost: false, // the connection dropped and we are reconnecting
  hangingUp: false,
  pendingTyped: null, // typed question not yet echoed, to avoid logging it twice
};

function callUrl() {
  const url = new URL('v1/call', document.baseURI);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = new URLSearchParams({
    rate: String(TARGET_RATE),
    encoding: 'pcm16',
    reply_rate: String(REPLY_RATE),
    language: settings.language,
    tts: settings.mode === 'voice' ? '1' : '0',
    elderly: settings.slow ? '1' : '0',
  }).toString();
  return url.href;
}

function connect() {
  if (call.ws) return;
  clearTimeout(call.timer);
  call.timer = 0;
  call.hangingUp = false;
  let ws;
  try {
    ws = new WebSocket(callUrl());
  } catch {
    scheduleReconnect();
    return;
  }
  ws.binaryType = 'arraybuffer';
  call.ws = ws;
  debug.connects += 1;
  ws.onmessage = (event) => {
    if (ws !== call.ws) return;
    if (typeof event.data === 'string') {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      onServerMessage(message);
    } else {
      debug.replyFrames += 1;
      playReplyFrame(event.data);
    }
  };
  ws.onclose = (event) => {
    if (ws !== call.ws) return;
    onClosed(event.code);
  };
}

function ensureConnected() {
  if (call.ready) return Promise.resolve();
  connect();
  return new Promise((resolve, reject) => {
    const waiter = { resolve, reject, timer: 0 };
    waiter.timer = setTimeout(() => {
      call.waiters = call.waiters.filter((w) => w !== waiter);
      reject(new Error('timeout'));
    }, CONNECT_TIMEOUT_MS);
    call.waiters.push(waiter);
  });
}

function settleWaiters(error) {
  const waiters = call.waiters;
  call.waiters = [];
  for (const waiter of waiters) {
    clearTimeout(waiter.timer);
    if (error) waiter.reject(error);
    else waiter.resolve();
  }
}

function send(message) {
  const data = typeof message === 'string' || message instanceof ArrayBuffer ? message : JSON.stringify(message);
  if (call.ready && call.ws && call.ws.readyState === WebSocket.OPEN) {
    call.ws.send(data);
    return;
  }
  if (data instanceof ArrayBuffer) {
    const frames = call.outbox.filter((item) => item instanceof ArrayBuffer).length;
    if (frames >= MAX_QUEUED_FRAMES) return;
  }
  call.outbox.push(data);
  connect();
}

function sendAudio(pcm) {
  debug.framesSent += 1;
  send(pcm);
}

function sendControl(message) {
  // settings changes only matter for an open (or opening) call; a new call reads them from the URL
  if (call.ws) send(message);
}

function onClosed(code) {
  const wasListening = state === 'listening';
  call.ws = null;
  call.ready = false;
  call.outbox = call.outbox.filter((item) => typeof item === 'string'); // stale audio is useless
  if (wasListening) stopCapture();
  stopPlayback();
  if (state !== 'idle') setState('idle');
  if (call.hangingUp) {
    settleWaiters(new Error('closed'));
    call.outbox = [];
    return;
  }
  if (code === 1000 && !call.lost) {
    // the gateway ended the call on purpose (idle, silence, goodbye): reconnect only when needed
    settleWaiters(new Error('closed'));
    call.outbox = [];
    return;
  }
  scheduleReconnect();
}

function scheduleReconnect() {
  call.ws = null;
  if (call.attempt >= BACKOFF_MS.length) {
    call.attempt = 0;
    call.lost = false;
    call.outbox = [];
    notify('connFailed');
    settleWaiters(new Error('unreachable'));
    return;
  }
  if (!call.lost) notify('connLost');
  call.lost = true;
  const delay = BACKOFF_MS[call.attempt++];
  clearTimeout(call.timer);
  call.timer = setTimeout(connect, delay);
}

function hangUp() {
  call.hangingUp = true;
  clearTimeout(call.timer);
  call.lost = false;
  call.attempt = 0;
  call.outbox = [];
  stopCapture();
  stopPlayback();
  setState('idle');
  const ws = call.ws;
  call.ws = null;
  call.ready = false;
  settleWaiters(new Error('closed'));
  if (ws) {
    try {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'stop' }));
      ws.close(1000);
    } catch {
      // already closing
    }
  }
}

function onServerMessage(message) {
  debug.messages.push(message.type);
  if (debug.messages.length > 200) debug.messages.splice(0, 100);
  switch (message.type) {
    case 'ready': {
      call.ready = true;
      call.attempt = 0;
      debug.callId = message.call_id || null;
      if (message.reply_rate) player.rate = Number(message.reply_rate);
      if (call.lost) notify('connBack');
      call.lost = false;
      const outbox = call.outbox;
      call.outbox = [];
      for (const item of outbox) call.ws.send(item);
      settleWaiters(null);
      break;
    }
    case 'speech_started':
      if (state === 'listening') {
        hearing = true;
        renderState();
      }
      break;
    case 'partial_transcript':
      // captions only: partial text never enters the live log
      ui.captionUser.textContent = message.text || '';
      if (message.language) ui.captionUser.lang = langTag(message.language);
      break;
    case 'final_transcript': {
      const text = (message.text || '').trim();
      if (state === 'listening') {
        // the gateway heard the end of the turn (the caller paused): stop sending audio
        stopCapture();
        earcon(false);
        setState('thinking');
      }
      ui.captionUser.textContent = text;
      if (message.language) ui.captionUser.lang = langTag(message.language);
      if (!text) break;
      if (call.pendingTyped && call.pendingTyped === text) {
        call.pendingTyped = null; // the gateway echoed a typed question we already logged
        break;
      }
      addTurn('user', text, message.language);
      break;
    }
    case 'answer': {
      call.pendingTyped = null;
      player.drop = false;
      stopPlayback();
      const text = (message.text || '').trim();
      if (text) addTurn('bot', text, message.language, message.programmes || [], String(message.intent || ''));
      followChosenLanguage(message);
      if (message.emergency && Array.isArray(message.emergency.numbers)) {
        // a caller in danger: the number(s) in large text, announced at once; the call goes on
        ui.emergency.lang = langTag(message.language || 'ko');
        ui.emergency.textContent = `☎ ${message.emergency.numbers.join('  ·  ')}`;
      }
      if (message.language) ui.captionBot.lang = langTag(message.language);
      // no audio to follow in screen reader mode: the caption shows the whole answer
      if (settings.mode !== 'voice') ui.captionBot.textContent = text;
      if (state === 'thinking' || state === 'speaking') setState('idle');
      break;
    }
    case 'audio_start':
      if (player.drop || settings.mode !== 'voice' || state === 'listening') break;
      if (message.rate) player.rate = Number(message.rate);
      player.finished = false;
      player.caption = message.sentence || '';
      if (state !== 'speaking') setState('speaking');
      break;
    case 'audio_end':
      if (state === 'speaking') {
        player.finished = true;
        if (player.sources.size === 0) onReplyPlayed();
      }
      break;
    case 'barge_in':
      stopPlayback();
      if (state === 'speaking') setState('idle');
      break;
    case 'no_input':
      if (state === 'listening') {
        stopCapture();
        earcon(false);
        setState('idle');
      }
      notify('noInput');
      break;
    case 'error': {
      const code = String(message.code || 'internal_error');
      const key = code === 'silence_timeout' ? 'silenceTimeout'
        : code === 'model_missing' || code === 'model_hash_mismatch' ? 'notReady'
          : 'serverError';
      showError(key, { code });
      if (message.fatal && state === 'listening') stopCapture();
      // the turn is over: no answer follows an error
      if ((message.fatal && state === 'listening') || state === 'thinking') setState('idle');
      break;
    }
    default:
      break; // e.g. "config" acknowledgements
  }
}

// ---- actions -------------------------------------------------------------------------------------
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
function applyMode() {
  ui.modeVoice.checked = settings.mode === 'voice';
  ui.modeScreenReader.checked = settings.mode === 'screenreader';
  // role="log" stays; only screen reader mode makes it announce
  ui.log.setAttribute('aria-live', settings.mode === 'screenreader' ? 'polite' : 'off');
  document.documentElement.dataset.mode = settings.mode;
}

function applyDisplay() {
  document.documentElement.classList.toggle('high-contrast', settings.contrast);
  document.documentElement.classList.toggle('large-text', settings.largeText);
  document.documentElement.classList.toggle('embedded', embedded);
  ui.contrast.checked = settings.contrast;
  ui.largeText.checked = settings.largeText;
  ui.slow.checked = settings.slow;
  ui.language.value = settings.language;
}

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
