// Reply audio: PCM16 frames scheduled back to back on the Web Audio clock, with the bot caption
// shown when the sentence is heard (not when it arrives), and a meter of what is playing.

import { audio } from './capture.js';
import { debug } from './debug.js';
import { setState, state, ui } from './page.js';
import { settings } from './settings.js';

export const REPLY_RATE = 16000; // what we ask the gateway to send back
const PLAYBACK_LEAD_S = 0.08; // jitter buffer before the first reply frame plays

export const player = {
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

export function outputLevel() {
  if (!player.meter) return 0;
  const samples = new Float32Array(player.meter.fftSize);
  player.meter.getFloatTimeDomainData(samples);
  let sum = 0;
  for (const v of samples) sum += v * v;
  return Math.sqrt(sum / samples.length);
}

export function playReplyFrame(data) {
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

export function stopPlayback() {
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

export function onReplyPlayed() {
  player.finished = false;
  if (state === 'speaking') setState('idle');
}
