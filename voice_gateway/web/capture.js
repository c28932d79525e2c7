// The page's audio context, its earcons, and microphone capture: getUserMedia → the pcm-capture
// AudioWorklet (pcm-worklet.js) → 20 ms pcm16 frames at 16 kHz sent on the call (call.js).

import { sendAudio } from './call.js';
import { setState, showError, state, ui } from './page.js';
import { settings } from './settings.js';

export const TARGET_RATE = 16000; // what the worklet sends (pcm16, mono)
const FRAME_MS = 20;
// Mic audio is dropped until the "listening" earcon has played. In screen reader mode the earcon
// waits until the screen reader has said the button's new name ("Stop talking"): Chrome's echo
// canceller cannot remove speech that another program plays, so it must not reach the gateway.
const EARCON_DELAY_S = { voice: 0, screenreader: 0.9 };
const EARCON_GUARD_S = 0.2;

export const audio = {
  ctx: null,
  worklet: null,
  stream: null,
  source: null,
  node: null,
  sink: null,
  captureToken: 0,
  sendFrom: 0,
};

export function audioContext() {
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

export function earcon(rising, delay = 0) {
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

export class MicError extends Error {
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

export async function startCapture() {
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

export function stopCapture() {
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
