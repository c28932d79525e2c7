// Browser scenarios of the kiosk page (GET /kiosk), for tests/browser/test_kiosk.py. Like
// scenarios.mjs, they only drive the page and report what they observe; pytest judges.

import {
  appState, axe, focused, launch, newPage, runScenario, screenshot, tabWalk, turns, waitState, waitTurns,
} from './lib.mjs';

const [scenario, rawOptions = '{}'] = process.argv.slice(2);
const options = JSON.parse(rawOptions);
const base = options.base; // http://127.0.0.1:PORT/
const shots = options.artifacts;
const PORTRAIT = { width: 1080, height: 1920 };
//  what the kiosk's screen shows (the page scrolls under the fixed bar of big buttons)
const SCREEN = { fullPage: false };

async function openKiosk(page, query) {
  await page.goto(`${base}kiosk?${query}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.kiosk === 'ready' && window.malbeot);
  await page.waitForTimeout(400);
}

/** What is on screen that belongs to a resident (for the wipe checks). */
const shown = (page) => page.evaluate(() => ({
  turns: document.querySelectorAll('#log .turn').length,
  captionUser: document.getElementById('caption-user').textContent,
  captionBot: document.getElementById('caption-bot').textContent,
  question: document.getElementById('question').value,
  cardHidden: document.getElementById('card').hidden,
  cardName: document.getElementById('card-name').textContent,
  staffStatus: document.getElementById('staff-status').textContent,
  lang: document.documentElement.lang,
  stored: window.sessionStorage.getItem('malbeot.conversation.v1'),
  notice: document.getElementById('notice').textContent,
  wipes: window.malbeotKiosk.wipes.slice(),
}));

/** Sizes of the page's text and of every visible control. */
const sizes = (page) => page.evaluate(() => {
  const visible = (el) => el.getClientRects().length > 0;
  const controls = Array.from(document.querySelectorAll('button, input, select')).filter(visible);
  const targets = controls.map((el) => {
    const target = el.matches('input[type="checkbox"]') ? el.closest('.choice') : el;
    const rect = target.getBoundingClientRect();
    return { id: el.id || el.dataset.lang || el.className, width: rect.width, height: rect.height };
  });
  const px = (sel) => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize);
  return { body: px('body'), status: px('#status'), caption: px('.caption'), targets };
});

/** The focused element is hidden behind the fixed bar of big buttons (WCAG 2.4.11). */
const underTheBar = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const bar = document.querySelector('.kiosk-bar');
  if (!el || bar.contains(el)) return false;
  const a = el.getBoundingClientRect();
  const b = bar.getBoundingClientRect();
  return a.bottom > b.top && a.top < b.bottom;
});

async function answerCard(page) {
  await page.waitForFunction(() => !document.getElementById('card').hidden, null, { timeout: 20000 });
  return page.evaluate(() => ({
    id: document.getElementById('card').dataset.programmeId,
    name: document.getElementById('card-name').textContent,
    facts: Array.from(document.querySelectorAll('.card-facts dd')).map((d) => d.textContent),
  }));
}

const SCENARIOS = {
  /** A whole kiosk session by keyboard only, at 1080x1920: language, voice and typed turns, the card
   *  and its print view, the staff call, "처음으로", then the idle wipe. */
  async session(result) {
    const browser = await launch({ wav: options.wav });
    try {
      const { page, errors } = await newPage(browser, { viewport: PORTRAIT, locale: 'en-US' });
      await openKiosk(page, `kiosk=${options.kiosk}&idle=${options.idle}`);
      result.start = { lang: await page.evaluate(() => document.documentElement.lang),
        pressed: await page.evaluate(() => Array.from(document.querySelectorAll('.lang-button'))
          .filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset.lang)),
        talkLabel: await page.textContent('#talk-label') };
      result.sizes = await sizes(page);
      result.axe = { start: await axe(page) };
      result.shots = [await screenshot(page, shots, 'kiosk-1-start', SCREEN)];

      // keyboard only from here on
      result.focusOrder = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        result.focusOrder.push({ ...(await focused(page)), obscured: await underTheBar(page) });
      }
      // one key press to English: Shift+Tab back from "start over" to the English button
      const toEnglish = await tabWalk(page, 10, 'Shift+Tab');
      await page.keyboard.press('Enter');
      result.english = { focus: toEnglish[9], lang: await page.evaluate(() => document.documentElement.lang),
        talkLabel: await page.textContent('#talk-label'), staff: await page.textContent('#staff-call') };
      result.axe.english = await axe(page);
      result.shots.push(await screenshot(page, shots, 'kiosk-2-english', SCREEN));
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter'); // back to 한국어
      result.backToKorean = await page.evaluate(() => document.documentElement.lang);

      // a spoken turn through the fake microphone: Tab to the talk button, Space, speak, Space
      for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
      result.talkFocus = await focused(page);
      await page.keyboard.press('Space');
      await waitState(page, 'listening');
      result.listeningLabel = await page.textContent('#talk-label');
      await page.waitForTimeout(options.speakMs);
      if ((await appState(page)) === 'listening') await page.keyboard.press('Space');
      await waitTurns(page, 2, 30000);
      result.spokenCard = await answerCard(page);
      await waitState(page, 'idle', 30000);
      result.captionsAfterSpoken = await page.evaluate(() => ({
        user: document.getElementById('caption-user').textContent,
        bot: document.getElementById('caption-bot').textContent }));
      result.shots.push(await screenshot(page, shots, 'kiosk-3-answer-card', SCREEN));

      // a typed turn: Tab past the card's print button to the question field
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      result.questionFocus = await focused(page);
      await page.keyboard.type(options.typed);
      await page.keyboard.press('Enter');
      await waitTurns(page, 4, 30000);
      result.turns = await turns(page);
      result.typedCard = await answerCard(page);
      result.axe.answer = await axe(page);

      // the card's print view: Shift+Tab back from the question field reaches the print button
      await page.evaluate(() => { window.__prints = 0; window.print = () => { window.__prints += 1; }; });
      await page.keyboard.press('Shift+Tab');
      result.printFocus = await focused(page);
      await page.keyboard.press('Enter');
      result.prints = await page.evaluate(() => window.__prints);
      await page.emulateMedia({ media: 'print' });
      result.printView = await page.evaluate(() => {
        const displayed = (sel) => Array.from(document.querySelectorAll(sel)).some((el) => el.getClientRects().length > 0);
        return { card: displayed('#card'), talk: displayed('#talk'), log: displayed('#log'), staff: displayed('#staff-call'),
          printButton: displayed('#print'), captions: displayed('.captions') };
      });
      result.shots.push(await screenshot(page, shots, 'kiosk-4-print-view'));
      await page.emulateMedia({ media: 'screen' });

      // call staff: Tab forward to the staff button
      let stop = await focused(page);
      result.obscuredAfterAnswer = [];
      for (let i = 0; i < 12 && stop.id !== 'staff-call'; i++) {
        await page.keyboard.press('Tab');
        stop = await focused(page);
        if (await underTheBar(page)) result.obscuredAfterAnswer.push(stop.id);
      }
      result.staffFocus = stop;
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('staff-status').textContent.length > 0);
      result.staffStatus = await page.textContent('#staff-status');
      result.axe.staff = await axe(page);
      result.shots.push(await screenshot(page, shots, 'kiosk-5-staff-called', SCREEN));

      // 처음으로: the next button
      await page.keyboard.press('Tab');
      result.restartFocus = await focused(page);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      result.afterRestart = await shown(page);
      result.focusAfterRestart = await focused(page);
      result.shots.push(await screenshot(page, shots, 'kiosk-6-after-restart', SCREEN));

      // the idle wipe: a typed answer, English chosen, then nobody touches anything
      await page.click('#question');
      await page.keyboard.type(options.typed);
      await page.keyboard.press('Enter');
      await waitTurns(page, 2, 30000);
      await answerCard(page);
      await page.click('.lang-button[data-lang="en"]');
      await page.fill('#question', options.personal);
      result.beforeIdle = await shown(page);
      // the reply may still be speaking (someone is being answered): the idle time counts from its end
      await waitState(page, 'idle', 30000);
      // first a warning with a "keep using" button; pressing it keeps everything
      await page.waitForFunction(() => !document.getElementById('idle-warning').hidden, null,
        { timeout: options.idle * 1000 + 10000, polling: 100 });
      result.warning = await page.evaluate(() => ({ text: document.getElementById('idle-warning').textContent,
        wipes: window.malbeotKiosk.wipes.length }));
      result.axe.warning = await axe(page);
      result.shots.push(await screenshot(page, shots, 'kiosk-7-idle-warning', SCREEN));
      await page.click('#keep');
      result.afterKeep = { ...(await shown(page)),
        warningHidden: await page.evaluate(() => document.getElementById('idle-warning').hidden) };
      const quietFrom = Date.now();
      await page.waitForFunction(() => window.malbeotKiosk.wipes.includes('idle'), null,
        { timeout: options.idle * 1000 + 10000, polling: 100 });
      result.idleWipeAfterMs = Date.now() - quietFrom;
      result.afterIdle = await shown(page);
      result.errors = errors;
    } finally {
      await browser.close();
    }
  },

  /** A spoken Korean question on the real models: the talk button, the turn ends by itself. */
  async voice(result) {
    const browser = await launch({ wav: options.wav });
    try {
      const { page, errors } = await newPage(browser, { viewport: PORTRAIT });
      await openKiosk(page, 'kiosk=e2e&idle=600');
      for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
      result.talkFocus = await focused(page);
      await page.keyboard.press('Space');
      await waitState(page, 'listening');
      // the gateway hears the end of the question (the pause after it) and answers
      await waitTurns(page, 2, options.answerMs);
      result.turns = await turns(page);
      result.step = 'card';
      result.card = await answerCard(page);
      result.step = 'bot caption';
      try {
        await page.waitForFunction(() => document.getElementById('caption-bot').textContent.length > 0, null,
          { timeout: options.answerMs });
      } catch (error) {
        result.debug = await page.evaluate(() => ({ ...window.malbeot.debug, messages: window.malbeot.debug.messages.slice(-40),
          state: document.getElementById('app').dataset.state }));
        throw error;
      }
      result.captions = await page.evaluate(() => ({
        user: document.getElementById('caption-user').textContent,
        bot: document.getElementById('caption-bot').textContent }));
      // the caption shows as the first piece starts playing (a Korean first piece may be under a
      // second): wait for more of the reply to arrive before reading how much was spoken
      result.step = 'reply audio';
      await page.waitForFunction(() => window.malbeot.debug.replySeconds > 1.0, null, { timeout: options.answerMs })
        .catch(() => {});
      result.debug = await page.evaluate(() => ({ replySeconds: window.malbeot.debug.replySeconds }));
      result.step = 'axe';
      result.axe = await axe(page);
      result.step = 'done';
      result.shots = [await screenshot(page, shots, 'kiosk-9-korean-voice', SCREEN)];
      result.errors = errors;
    } finally {
      await browser.close();
    }
  },

  /** The gateway restarts mid-session: the kiosk says so, reconnects by itself, keeps the screen and
   *  answers the next question. pytest restarts the gateway when `marker` appears. */
  async restart(result) {
    const { writeFileSync, existsSync } = await import('node:fs');
    const browser = await launch({ wav: options.wav });
    try {
      const { page, errors } = await newPage(browser, { viewport: PORTRAIT });
      await openKiosk(page, 'kiosk=restart&idle=600');
      await page.fill('#question', options.typed);
      await page.press('#question', 'Enter');
      await waitTurns(page, 2, 30000);
      await answerCard(page);
      const notices = [];
      await page.exposeFunction('__notice', (text) => notices.push(text));
      await page.evaluate(() => new MutationObserver(() => window.__notice(document.getElementById('notice').textContent))
        .observe(document.getElementById('notice'), { childList: true, subtree: true, characterData: true }));
      writeFileSync(options.marker, 'restart now');
      const restartedMarker = `${options.marker}.done`;
      for (let i = 0; i < 600 && !existsSync(restartedMarker); i++) await page.waitForTimeout(100);
      result.restarted = existsSync(restartedMarker);
      // the next question goes to the restarted gateway
      await page.fill('#question', options.typed);
      await page.press('#question', 'Enter');
      await waitTurns(page, 4, 30000);
      result.turns = await turns(page);
      result.notices = notices;
      result.cardShown = await page.evaluate(() => !document.getElementById('card').hidden);
      result.shots = [await screenshot(page, shots, 'kiosk-8-after-gateway-restart', SCREEN)];
      result.errors = errors;
    } finally {
      await browser.close();
    }
  },

  /** A physical push-to-talk key (?ptt=F9): held down talks, released ends the turn. */
  async ptt(result) {
    const browser = await launch({ wav: options.wav });
    try {
      const { page, errors } = await newPage(browser, { viewport: PORTRAIT });
      await openKiosk(page, 'ptt=F9&idle=60');
      await page.keyboard.down('F9');
      await waitState(page, 'listening');
      result.down = await appState(page);
      await page.waitForTimeout(options.speakMs);
      await page.keyboard.up('F9');
      await page.waitForTimeout(100);
      result.up = await appState(page);
      await waitTurns(page, 2, 30000);
      result.turns = await turns(page);
      result.errors = errors;
    } finally {
      await browser.close();
    }
  },
};

await runScenario(async (result) => {
  const run = SCENARIOS[scenario];
  if (!run) throw new Error(`no scenario ${scenario}`);
  await run(result);
});
