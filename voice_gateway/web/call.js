// The call websocket (docs/protocol.md): one call at a time, opened on demand, messages and audio
// frames queued until `ready`, reconnection with back-off after a drop, and hang-up.

import { stopCapture, TARGET_RATE } from './capture.js';
import { debug } from './debug.js';
import { notify, setState, state } from './page.js';
import { playReplyFrame, REPLY_RATE, stopPlayback } from './playback.js';
import { onServerMessage } from './server-messages.js';
import { settings } from './settings.js';

const MAX_QUEUED_FRAMES = 500; // 10 s of speech kept while the socket (re)connects
const CONNECT_TIMEOUT_MS = 10000;
const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];

export const call = {
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

export function connect() {
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

export function ensureConnected() {
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

export function settleWaiters(error) {
  const waiters = call.waiters;
  call.waiters = [];
  for (const waiter of waiters) {
    clearTimeout(waiter.timer);
    if (error) waiter.reject(error);
    else waiter.resolve();
  }
}

export function send(message) {
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

export function sendAudio(pcm) {
  debug.framesSent += 1;
  send(pcm);
}

export function sendControl(message) {
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

export function hangUp() {
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
