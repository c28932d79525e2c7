// Kiosk mode of the Malbeot page (GET /kiosk): the voice page (malbeot.js) with very large
// controls, language buttons one touch away, the answer's programme as a printable card, a
// "call staff" button and a privacy wipe. Options in the address:
//   ?kiosk=ID      which kiosk this is (shown to staff with a staff call; default "kiosk")
//   ?idle=SECONDS  wipe the screen after this long without anyone (default 90)
//   ?ptt=CODE      a physical push-to-talk key by KeyboardEvent.code (e.g. F13): hold to talk
//   ?lang=xx       the language to start in and return to (default Korean)
import './malbeot.js';
import { LANGUAGES } from './i18n.js';

const params = new URLSearchParams(location.search);
const KIOSK_ID = /^[A-Za-z0-9_.-]{1,64}$/.test(params.get('kiosk') || '') ? params.get('kiosk') : 'kiosk';
const IDLE_SECONDS = Math.max(2, Number(params.get('idle')) || 90);
const PTT_CODE = params.get('ptt') || '';
const HOME_LANGUAGE = (params.get('lang') || 'ko') in LANGUAGES ? (params.get('lang') || 'ko') : 'ko';
const $ = (id) => document.getElementById(id);

const STRINGS = {
  ko: {
    tagline: '복지 혜택을 말로 물어보세요. 버튼을 누르고 말씀하세요.',
    cardKicker: '안내 카드', cardFor: '누가 받나요', cardSupport: '무엇을 주나요', cardHow: '신청 방법',
    cardWhere: '신청하는 곳', cardPhone: '전화', cardNote: '이 카드는 안내용입니다. 자세한 내용은 신청하는 곳에 확인하세요.',
    print: '카드 인쇄하기', staffCall: '직원 호출', restart: '처음으로',
    staffCalled: '직원을 불렀습니다. 잠시만 기다려 주세요.', staffFailed: '직원 호출이 되지 않았습니다. 창구로 와 주세요.',
    wiped: '화면을 지웠습니다. 처음부터 시작하세요.',
    idleWarning: '아무도 없으면 곧 화면을 지웁니다.', keep: '계속 쓰기', secondsLeft: '{n}초 남았습니다.',
  },
  en: {
    tagline: 'Ask about public benefits. Press the button and speak.',
    cardKicker: 'Benefit card', cardFor: 'Who can get it', cardSupport: 'What it gives', cardHow: 'How to apply',
    cardWhere: 'Where to apply', cardPhone: 'Phone', cardNote: 'This card is a guide. Check the details where you apply.',
    print: 'Print this card', staffCall: 'Call staff', restart: 'Start over',
    staffCalled: 'A staff member has been called. Please wait a moment.',
    staffFailed: 'The staff call did not go through. Please go to the counter.',
    wiped: 'The screen was cleared. Start again.',
    idleWarning: 'The screen will be cleared soon if nobody is here.', keep: 'Keep using', secondsLeft: 'Seconds left: {n}.',
  },
  zh: {
    tagline: '用语音询问公共福利。按下按钮后说话。',
    cardKicker: '福利卡', cardFor: '谁可以领取', cardSupport: '提供什么', cardHow: '申请方法',
    cardWhere: '申请地点', cardPhone: '电话', cardNote: '本卡仅供参考。详情请向申请地点确认。',
    print: '打印此卡', staffCall: '呼叫工作人员', restart: '从头开始',
    staffCalled: '已呼叫工作人员，请稍候。', staffFailed: '呼叫未成功，请到柜台咨询。',
    wiped: '屏幕已清除，请重新开始。',
    idleWarning: '如果没有人使用，屏幕即将清除。', keep: '继续使用', secondsLeft: '还剩 {n} 秒。',
  },
  vi: {
    tagline: 'Hỏi về phúc lợi công bằng giọng nói. Nhấn nút rồi nói.',
    cardKicker: 'Thẻ phúc lợi', cardFor: 'Ai được nhận', cardSupport: 'Hỗ trợ gì', cardHow: 'Cách đăng ký',
    cardWhere: 'Nơi đăng ký', cardPhone: 'Điện thoại',
    cardNote: 'Thẻ này chỉ để tham khảo. Hãy hỏi chi tiết ở nơi đăng ký.',
    print: 'In thẻ này', staffCall: 'Gọi nhân viên', restart: 'Bắt đầu lại',
    staffCalled: 'Đã gọi nhân viên. Xin vui lòng chờ một chút.',
    staffFailed: 'Không gọi được nhân viên. Xin mời đến quầy.',
    wiped: 'Màn hình đã được xóa. Hãy bắt đầu lại.',
    idleWarning: 'Màn hình sẽ sớm được xóa nếu không có ai.', keep: 'Tiếp tục dùng', secondsLeft: 'Còn {n} giây.',
  },
  ja: {
    tagline: '公的な福祉制度について声で質問できます。ボタンを押して話してください。',
    cardKicker: '案内カード', cardFor: '対象', cardSupport: '支援内容', cardHow: '申請方法',
    cardWhere: '申請窓口', cardPhone: '電話', cardNote: 'このカードは案内用です。詳しくは申請窓口で確認してください。',
    print: 'カードを印刷', staffCall: '職員を呼ぶ', restart: '最初に戻る',
    staffCalled: '職員を呼びました。少々お待ちください。', staffFailed: '職員を呼べませんでした。窓口へお越しください。',
    wiped: '画面を消去しました。最初から始めてください。',
    idleWarning: 'どなたもいなければ、まもなく画面を消去します。', keep: '使い続ける', secondsLeft: '残り{n}秒です。',
  },
};

const ui = {
  app: $('app'),
  language: $('language'),
  langButtons: Array.from(document.querySelectorAll('.lang-button')),
  talk: $('talk'),
  log: $('log'),
  clear: $('clear'),
  question: $('question'),
  questionError: $('question-error'),
  captionUser: $('caption-user'),
  captionBot: $('caption-bot'),
  notice: $('notice'),
  alert: $('alert'),
  emergency: $('emergency'),
  card: $('card'),
  print: $('print'),
  staffCall: $('staff-call'),
  staffStatus: $('staff-status'),
  restart: $('restart'),
  idleWarning: $('idle-warning'),
  idleSeconds: $('idle-seconds'),
  keep: $('keep'),
};

const language = () => (ui.language.value in STRINGS ? ui.language.value : 'ko');
const k = (key) => STRINGS[language()][key] ?? STRINGS.en[key] ?? key;
const tag = (code) => (LANGUAGES[code] ? LANGUAGES[code].tag : code);

// ---- language: one touch ----------------------------------------------------------------------
function applyKioskStrings() {
  const lang = language();
  for (const node of document.querySelectorAll('[data-k]')) node.textContent = k(node.dataset.k);
  // the second line of the two big buttons: Korean under another language, English under Korean
  const second = lang === 'ko' ? { lang: 'en', staffCall: STRINGS.en.staffCall, restart: STRINGS.en.restart }
    : { lang: 'ko', staffCall: STRINGS.ko.staffCall, restart: STRINGS.ko.restart };
  for (const [button, key] of [[ui.staffCall, 'staffCall'], [ui.restart, 'restart']]) {
    const span = button.querySelector('.second');
    span.lang = second.lang;
    span.textContent = second[key];
  }
  for (const button of ui.langButtons) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
}

function setLanguage(code) {
  if (ui.language.value !== code) {
    ui.language.value = code;
    ui.language.dispatchEvent(new Event('change')); // malbeot.js: strings, saved setting, the call's language
  }
  applyKioskStrings();
}

// ---- the answer's programme as a card ---------------------------------------------------------
let cardRequest = 0;
async function showCard(programmeId) {
  const request = ++cardRequest;
  try {
    const reply = await fetch(`v1/kiosk/programmes/${encodeURIComponent(programmeId)}?lang=${language()}`);
    if (!reply.ok || request !== cardRequest) return;
    const card = await reply.json();
    if (request !== cardRequest) return;
    ui.card.lang = tag(card.language || 'ko');
    $('card-name').textContent = card.name;
    const facts = { 'card-for': card.for, 'card-support': card.support, 'card-how': card.how_to_apply,
      'card-where': card.where, 'card-phone': card.phone };
    for (const [id, text] of Object.entries(facts)) {
      const value = $(id);
      value.textContent = text || '–';
    }
    ui.card.hidden = false;
    ui.card.dataset.programmeId = card.id;
  } catch {
    // no card: the spoken and written answer stand on their own
  }
}

function hideCard() {
  cardRequest += 1;
  ui.card.hidden = true;
  delete ui.card.dataset.programmeId;
  for (const id of ['card-name', 'card-for', 'card-support', 'card-how', 'card-where', 'card-phone']) {
    $(id).textContent = '';
  }
}

new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (!(node instanceof HTMLElement) || !node.classList.contains('turn-bot')) continue;
      const first = node.querySelector('[data-programme-id]');
      // a clarifying question lists choices, not an answer: no card until the resident has chosen
      if (node.dataset.intent === 'clarify') hideCard();
      else if (first && first.dataset.programmeId) showCard(first.dataset.programmeId);
    }
  }
}).observe(ui.log, { childList: true });

// ---- call staff -------------------------------------------------------------------------------
async function callStaff() {
  ui.staffStatus.textContent = '';
  try {
    const reply = await fetch('v1/kiosk/staff-call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kiosk: KIOSK_ID, language: language() }),
    });
    if (!reply.ok) throw new Error(String(reply.status));
    ui.staffStatus.textContent = k('staffCalled');
    kiosk.staffCalls += 1;
  } catch {
    ui.staffStatus.textContent = k('staffFailed');
  }
}

// ---- privacy wipe -----------------------------------------------------------------------------
// Before an idle wipe a warning with a "keep using" button shows for the last WARN_SECONDS (20 s,
// WCAG 2.2.1; half the idle time when that is shorter); any touch or key extends the session.
const WARN_SECONDS = Math.min(20, IDLE_SECONDS / 2);
let lastActivity = performance.now();
function touch() {
  lastActivity = performance.now();
  if (!ui.idleWarning.hidden) ui.idleWarning.hidden = true;
}

function somethingShown() {
  return ui.log.children.length > 0 || ui.question.value !== '' || !ui.card.hidden
    || ui.captionUser.textContent !== '' || ui.captionBot.textContent !== '' || ui.staffStatus.textContent !== ''
    || ui.emergency.textContent !== '' || language() !== HOME_LANGUAGE;
}

function wipe(reason) {
  ui.clear.click(); // malbeot.js: the conversation, captions and stored turns go, and the call is hung up
  ui.question.value = '';
  ui.question.removeAttribute('aria-invalid');
  ui.questionError.textContent = '';
  ui.alert.textContent = '';
  ui.emergency.textContent = '';
  ui.staffStatus.textContent = '';
  hideCard();
  setLanguage(HOME_LANGUAGE);
  try { window.sessionStorage.clear(); } catch { /* storage unavailable */ }
  const said = k('wiped');
  ui.notice.textContent = said;
  setTimeout(() => { if (ui.notice.textContent === said) ui.notice.textContent = ''; }, 8000);
  kiosk.wipes.push(reason);
  touch();
}

setInterval(() => {
  if (ui.app.dataset.state !== 'idle') touch(); // someone is talking or being answered
  if (!somethingShown()) return;
  const left = IDLE_SECONDS - (performance.now() - lastActivity) / 1000;
  if (left <= 0) {
    ui.idleWarning.hidden = true;
    wipe('idle');
  } else if (left <= WARN_SECONDS) {
    if (ui.idleWarning.hidden) {
      ui.idleWarning.hidden = false;
      kiosk.warnings += 1;
    }
    ui.idleSeconds.textContent = k('secondsLeft').replace('{n}', String(Math.ceil(left)));
  }
}, 500);

for (const type of ['pointerdown', 'keydown', 'input', 'wheel']) {
  document.addEventListener(type, touch, { capture: true, passive: true });
}

// ---- push-to-talk key -------------------------------------------------------------------------
if (PTT_CODE) {
  document.addEventListener('keydown', (event) => {
    if (event.code !== PTT_CODE || event.repeat) return;
    event.preventDefault();
    if (ui.app.dataset.state !== 'listening') window.malbeot.press();
  });
  document.addEventListener('keyup', (event) => {
    if (event.code !== PTT_CODE) return;
    event.preventDefault();
    if (ui.app.dataset.state === 'listening') window.malbeot.press();
  });
}

// ---- wiring -----------------------------------------------------------------------------------
for (const button of ui.langButtons) button.addEventListener('click', () => setLanguage(button.dataset.lang));
// a language chosen by voice (malbeot.js changes the menu): the big buttons follow it too
ui.language.addEventListener('change', applyKioskStrings);
ui.print.addEventListener('click', () => window.print());
ui.keep.addEventListener('click', touch);
ui.staffCall.addEventListener('click', callStaff);
ui.restart.addEventListener('click', () => {
  wipe('restart');
  ui.talk.focus();
});

const kiosk = { id: KIOSK_ID, idleSeconds: IDLE_SECONDS, wipes: [], staffCalls: 0, warnings: 0 };
window.malbeotKiosk = kiosk;
setLanguage(HOME_LANGUAGE);
// a reload shows nobody the last person's conversation (malbeot.js restores it for the web page)
if (ui.log.children.length > 0) wipe('load');
document.documentElement.dataset.kiosk = 'ready';
