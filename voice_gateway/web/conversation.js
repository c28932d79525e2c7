// The conversation log (role="log"): one complete element per turn, kept in sessionStorage so a
// reload shows it again without re-announcing it. In screen reader mode the log is a polite live
// region (page.js) and each final turn is appended exactly once, so it is announced once.

import { debug } from './debug.js';
import { LANGUAGES } from './i18n.js';
import { ui } from './page.js';
import { langTag, readJson, sessionStore, settings, t, writeJson } from './settings.js';

const CONVERSATION_KEY = 'malbeot.conversation.v1';
const MAX_TURNS = 100;

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
export function followChosenLanguage(message) {
  const chosen = String(message.language || '');
  if (message.intent !== 'change_language' || !(chosen in LANGUAGES) || chosen === settings.language) return;
  ui.language.value = chosen;
  ui.language.dispatchEvent(new Event('change'));
}

export function addTurn(who, text, language, programmes = [], intent = '') {
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

export function restoreConversation() {
  // the log is aria-live="off" in the served HTML, so restored turns are not re-announced
  for (const turn of turns) ui.log.append(turnElement(turn));
  ui.logEmpty.hidden = turns.length > 0;
}

/** Forget the turns, the log and the captions (the call itself is hung up by the caller of this). */
export function forgetConversation() {
  turns = [];
  if (sessionStore) writeJson(sessionStore, CONVERSATION_KEY, turns);
  ui.log.replaceChildren(); // aria-relevant="additions": removals are not announced
  ui.logEmpty.hidden = false;
  ui.captionUser.textContent = '';
  ui.captionBot.textContent = '';
}
