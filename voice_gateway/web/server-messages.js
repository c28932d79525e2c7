// What each JSON message from the gateway (docs/protocol.md, "down") does to the page: the call
// becomes ready, captions and the log fill, reply audio starts and ends, barge-in, silence, errors.
// Reply audio itself arrives as binary frames (call.js → playback.js).

import { call, settleWaiters } from './call.js';
import { earcon, stopCapture } from './capture.js';
import { addTurn, followChosenLanguage } from './conversation.js';
import { debug } from './debug.js';
import { notify, setState, showError, showHearing, state, ui } from './page.js';
import { onReplyPlayed, player, stopPlayback } from './playback.js';
import { langTag, settings } from './settings.js';

export function onServerMessage(message) {
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
      if (state === 'listening') showHearing();
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
