// Browser scenarios for tests/browser/test_web_button.py (pytest is the runner; it starts the
// gateway, calls `node scenarios.mjs <scenario> '<json options>'` and asserts on the JSON printed).
// Scenarios only drive the page and report what they observe; they do not judge.

import {
  appState, axe, axeFrame, debugInfo, focused, launch, logAccessibility, logChanges, loudestOutput,
  newPage, openApp, runScenario, screenshot, seenTexts, tabWalk, turns, waitState, waitTurns,
  watchLog, watchText,
} from './lib.mjs';

const [scenario, rawOptions = '{}'] = process.argv.slice(2);
const options = JSON.parse(rawOptions);
const base = options.base; // e.g. http://127.0.0.1:PORT/
const shots = options.artifacts;
const app = (query) => `${base}?${query}`;

const SCENARIOS = {
  /** The caller chooses a language by typing it on a Korean page: the page's strings follow. */
  async chosenLanguage(result) {
    const browser = await launch();
    try {
      const { page, errors } = await newPage(browser);
      await openApp(page, app('lang=ko&mode=screenreader'));
      const pageState = () => page.evaluate(() => ({
        htmlLang: document.documentElement.lang,
        menu: document.getElementById('language').value,
        title: document.title,
        saved: JSON.parse(window.localStorage.getItem('malbeot.settings.v1') || '{}').language || '',
      }));
      result.before = await pageState();
      await page.fill('#question', options.choose);
      await page.press('#question', 'Enter');
      await waitTurns(page, 2, 120000);
      await page.waitForFunction(() => document.documentElement.lang !== 'ko', null, { timeout: 10000 })
        .catch(() => {});
      result.after = await pageState();
      await page.fill('#question', options.question);
      await page.press('#question', 'Enter');
      await waitTurns(page, 4, 120000);
      result.turns = await turns(page);
      result.errors = errors;
    } finally {
      await browser.close();
    }
  },

  /** A danger answer: the number in large text in a role="alert" region; the call goes on. */
  async emergency(result) {
    const browser = await launch();
    try {
      const { page, errors } = await newPage(browser);
      await openApp(page, app('lang=en&mode=screenreader'));
      result.before = await page.textContent('#emergency');
      await page.fill('#question', options.text);
      await page.press('#question', 'Enter');
      await page.waitForFunction(() => document.getElementById('emergency').textContent.length > 0,
        null, { timeout: 10000 });
      result.shown = await page.evaluate(() => {
        const el = document.getElementById('emergency');
        const style = getComputedStyle(el);
        return { text: el.textContent, role: el.getAttribute('role'), fontSize: parseFloat(style.fontSize),
          bodyFontSize: parseFloat(getComputedStyle(document.body).fontSize) };
      });
      result.axe = await axe(page);
      // the call goes on: an ordinary question is answered after it
      await page.fill('#question', 'How can I get the basic pension?');
      await page.press('#question', 'Enter');
      await waitTurns(page, 4);
      result.turns = await turns(page);
      result.errors = errors;
    } finally {
      await browser.close();
    }
  },

  /** Keyboard only, screen reader mode: focus order, a spoken turn and a typed turn, live region. */
  async keyboard(result) {
    const browser = await launch();
    try {
      const { page, errors } = await newPage(browser);
      await openApp(page, app('lang=en'));
      result.initialMode = await page.evaluate(() => document.documentElement.dataset.mode);
      result.firstWalk = await tabWalk(page, 9);
      // switch to screen reader mode with the arrow key on the (checked) voice-mode radio
      result.toModeGroup = await tabWalk(page, 3, 'Shift+Tab');
      await page.keyboard.press('ArrowDown');
      result.modeChosen = await focused(page);
      await page.waitForTimeout(300);
      await watchLog(page);
      await watchText(page, ['caption-user', 'caption-bot', 'notice']);
      result.backToTalk = await tabWalk(page, 4, 'Shift+Tab');
      // spoken turn: Space starts, Space again ends the turn
      await page.keyboard.press('Space');
      await waitState(page, 'listening');
      result.listeningLabel = await page.textContent('#talk-label');
      await page.waitForFunction(() => document.getElementById('caption-user').textContent.includes('partial: how can I'),
        null, { timeout: 15000 });
      result.logWhilePartial = await page.textContent('#log');
      await page.keyboard.press('Space');
      await waitTurns(page, 2);
      await page.waitForTimeout(800);
      result.changesAfterSpokenTurn = await logChanges(page);
      result.stateAfterSpokenTurn = await appState(page);
      // typed turn: Tab to the question field, type, Enter
      await page.keyboard.press('Tab');
      result.questionFocus = await focused(page);
      await page.keyboard.type('Is there help with rent?');
      await page.keyboard.press('Enter');
      await waitTurns(page, 4);
      await page.waitForTimeout(800);
      result.changesAfterTypedTurn = await logChanges(page);
      result.turns = await turns(page);
      result.texts = await seenTexts(page);
      result.ax = await logAccessibility(page);
      result.debug = await debugInfo(page);
      // the walk again with a conversation in the log: the log adds no tab stops
      result.secondWalk = await tabWalk(page, 2);
      // back to the voice button for the screenshot (focus ring visible)
      await page.keyboard.press('Shift+Alt+KeyM');
      await waitState(page, 'listening');
      await page.waitForFunction(() => document.getElementById('caption-user').textContent.includes('partial: how can I'),
        null, { timeout: 15000 });
      await page.keyboard.press('Shift+Alt+KeyM');
      await waitState(page, ['thinking', 'idle']);
      result.shortcutFocus = await focused(page);
      await waitTurns(page, 6);
      await page.waitForTimeout(600);
      result.changesAfterShortcutTurn = await logChanges(page);
      result.screenshot = await screenshot(page, shots, 'screenreader-mode');
      result.errors = errors;
    } finally {
      await browser.close();
    }
  },

  /** Voice mode: the turn ends by itself (simulated VAD), reply audio plays, barge-in, Escape. */
  async voice(result) {
    const browser = await launch();
    try {
      const { page, errors } = await newPage(browser);
      await openApp(page, app('lang=en&mode=voice'));
      await watchLog(page);
      await watchText(page, ['caption-user', 'caption-bot']);
      result.walk = await tabWalk(page, 2);
      await page.keyboard.press('Enter');
      await waitState(page, 'listening');
      result.listeningShot = await screenshot(page, shots, 'voice-mode-listening');
      // no second press: the gateway's end-of-speech detection ends the turn
      await waitState(page, 'speaking', 20000);
      result.speakingLabel = await page.textContent('#talk-label');
      result.speakingShot = await screenshot(page, shots, 'voice-mode-speaking');
      result.loudest = await loudestOutput(page, 800);
      await waitState(page, 'idle', 15000);
      result.firstTurn = await debugInfo(page);
      result.changesAfterFirstTurn = await logChanges(page);
      result.ax = await logAccessibility(page);
      // barge-in: press while the answer plays
      await page.keyboard.press('Space');
      await waitState(page, 'listening');
      await page.waitForFunction(() => document.getElementById('caption-user').textContent.includes('partial: how can I'),
        null, { timeout: 15000 });
      await page.keyboard.press('Space');
      await waitState(page, 'speaking', 15000);
      await page.waitForTimeout(500);
      const before = await debugInfo(page);
      await page.keyboard.press('Space');
      await waitState(page, 'listening', 3000);
      await page.waitForTimeout(250);
      result.afterBargeIn = await debugInfo(page);
      result.levelAfterBargeIn = await loudestOutput(page, 300);
      result.bargeInsBefore = before.bargeIns;
      // end that turn, then stop the next answer with Escape
      await page.waitForFunction(() => document.getElementById('caption-user').textContent.includes('partial: how can I'),
        null, { timeout: 15000 });
      await page.keyboard.press('Space');
      await waitState(page, 'speaking', 15000);
      await page.keyboard.press('Escape');
      await waitState(page, 'idle', 3000);
      result.afterEscape = await debugInfo(page);
      result.levelAfterEscape = await loudestOutput(page, 300);
      result.changes = await logChanges(page);
      result.turns = await turns(page);
      result.texts = await seenTexts(page);
      result.errors = errors;
    } finally {
      await browser.close();
    }
  },

  /** axe-core in every mode and language, plus screenshots with the focus ring on the button. */
  async axe(result) {
    const browser = await launch();
    result.axe = {};
    result.targets = {};
    try {
      const modes = [
        ['voice-mode', 'lang=en&mode=voice', null],
        ['screenreader-mode-conversation', 'lang=en&mode=screenreader', 'conversation'],
        ['high-contrast', 'lang=en&mode=voice', '#contrast'],
        ['large-text', 'lang=en&mode=voice', '#large-text'],
        ['high-contrast-large-text-screenreader', 'lang=ko&mode=screenreader', 'both'],
        ['korean', 'lang=ko', null],
        ['chinese', 'lang=zh', null],
        ['vietnamese', 'lang=vi', null],
        ['japanese', 'lang=ja', null],
        ['embedded', 'lang=en&embed=1', null],
        ['narrow-320px', 'lang=en', 'narrow'],
      ];
      for (const [name, query, extra] of modes) {
        const { page, context, errors } = await newPage(browser,
          extra === 'narrow' ? { viewport: { width: 320, height: 800 } } : {});
        await openApp(page, app(query));
        if (extra === '#contrast' || extra === '#large-text') await page.check(extra);
        if (extra === 'both') {
          await page.check('#contrast');
          await page.check('#large-text');
        }
        if (extra === 'conversation' || extra === 'both') {
          await page.fill('#question', 'How can I get the basic pension?');
          await page.press('#question', 'Enter');
          await waitTurns(page, 2);
          await page.fill('#question', 'please fail'); // the fake gateway answers with an error
          await page.press('#question', 'Enter');
          await page.waitForFunction(() => document.getElementById('alert').textContent.length > 0);
        }
        await page.focus('#talk'); // the screenshot shows the focus ring on the voice button
        result.targets[name] = await page.evaluate(() => Array.from(
          document.querySelectorAll('button, input, select, a[href], [tabindex]'),
        ).map((el) => {
          const r = el.getBoundingClientRect();
          return { id: el.id || el.tagName.toLowerCase(), width: r.width, height: r.height };
        }));
        result.axe[name] = await axe(page);
        await screenshot(page, shots, name);
        result[`errors-${name}`] = errors;
        await context.close();
      }
      // listening state (the level meter and the red button)
      const { page, context } = await newPage(browser);
      await openApp(page, app('lang=en'));
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await waitState(page, 'listening');
      await page.waitForTimeout(400);
      result.axe.listening = await axe(page);
      await page.keyboard.press('Space');
      await context.close();
    } finally {
      await browser.close();
    }
  },

  /** Error paths: microphone denied / absent, a server error, a dropped connection, a reload. */
  async errors(result) {
    // denied: no auto-accepting fake UI, and prompts are refused
    let browser = await launch({ fakeUi: false, args: ['--deny-permission-prompts'] });
    try {
      const { page } = await newPage(browser);
      await openApp(page, app('lang=en'));
      await tabWalk(page, 2);
      await page.keyboard.press('Space');
      await page.waitForFunction(() => document.getElementById('alert').textContent.length > 0, null, { timeout: 10000 });
      result.denied = { alert: await page.textContent('#alert'), state: await appState(page) };
      result.axeDenied = await axe(page);
      await screenshot(page, shots, 'microphone-denied');
    } finally {
      await browser.close();
    }
    // absent: no fake capture device on a machine without a microphone
    browser = await launch({ fakeDevice: false });
    try {
      const { page } = await newPage(browser);
      await openApp(page, app('lang=ko'));
      await tabWalk(page, 2);
      await page.keyboard.press('Space');
      await page.waitForFunction(() => document.getElementById('alert').textContent.length > 0, null, { timeout: 10000 });
      result.absent = { alert: await page.textContent('#alert'), state: await appState(page) };
    } finally {
      await browser.close();
    }
    // server error, connection drop and reconnect, reload
    browser = await launch();
    try {
      const { page, errors } = await newPage(browser);
      await openApp(page, app('lang=en&mode=screenreader'));
      await watchText(page, ['notice', 'alert']);
      await page.fill('#question', 'How can I get the basic pension?');
      await page.press('#question', 'Enter');
      await waitTurns(page, 2);
      await page.fill('#question', 'please fail');
      await page.press('#question', 'Enter');
      await page.waitForFunction(() => document.getElementById('alert').textContent.length > 0);
      result.serverError = await page.textContent('#alert');
      await watchLog(page);
      await page.fill('#question', 'drop the line');
      await page.press('#question', 'Enter');
      await page.waitForFunction(() => window.malbeot.debug.connects >= 2 && window.malbeot.debug.callId, null,
        { timeout: 15000 });
      await page.waitForFunction(() => document.getElementById('notice').textContent.length > 0
        && window.__texts.notice.length >= 2, null, { timeout: 15000 });
      result.turnsAfterDrop = await turns(page);
      await page.fill('#question', 'Is there help with rent?');
      await page.press('#question', 'Enter');
      await waitTurns(page, 6);
      await page.waitForTimeout(500);
      result.texts = await seenTexts(page);
      result.changesAcrossDrop = await logChanges(page);
      result.debug = await debugInfo(page);
      result.turnsBeforeReload = await turns(page);
      await screenshot(page, shots, 'reconnected');
      await page.reload({ waitUntil: 'load' });
      await page.waitForFunction(() => window.malbeot && document.documentElement.dataset.mode);
      result.liveRightAfterReload = await page.evaluate(() => document.getElementById('log').getAttribute('aria-live'));
      await page.waitForTimeout(500);
      result.liveAfterReload = await page.evaluate(() => document.getElementById('log').getAttribute('aria-live'));
      result.turnsAfterReload = await turns(page);
      result.errors = errors;
    } finally {
      await browser.close();
    }
  },

  /** The one-script-tag widget on a district page of another origin. */
  async widget(result) {
    const browser = await launch();
    try {
      const { page, errors } = await newPage(browser);
      // the district page is served as http://localhost:PORT/ (another origin than 127.0.0.1:PORT)
      const host = base.replace('//127.0.0.1:', '//localhost:');
      await page.goto(`${host}_test/district.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('.malbeot-widget'));
      result.walk = await tabWalk(page, 2);
      result.closedShot = await screenshot(page, shots, 'widget-closed', { fullPage: false });
      await page.keyboard.press('Enter');
      const frameHandle = await page.waitForSelector('.malbeot-widget >> css=iframe');
      const frame = await frameHandle.contentFrame();
      await frame.waitForFunction(() => window.malbeot && document.documentElement.dataset.mode);
      await frame.waitForFunction(() => document.activeElement && document.activeElement.id === 'talk', null,
        { timeout: 10000 });
      result.expanded = await page.evaluate(() => document.querySelector('.malbeot-widget').shadowRoot
        .querySelector('.launcher').getAttribute('aria-expanded'));
      result.frameTitle = await frameHandle.getAttribute('title');
      result.frameAllow = await frameHandle.getAttribute('allow');
      result.frameFocus = await frame.evaluate(() => document.activeElement.id);
      await watchLog(frame);
      await page.keyboard.press('Space');
      await waitState(frame, 'listening');
      await frame.waitForFunction(() => document.getElementById('caption-user').textContent.includes('partial: how can I'),
        null, { timeout: 15000 });
      await page.keyboard.press('Space');
      await waitTurns(frame, 2);
      await waitState(frame, 'speaking', 15000);
      result.openShot = await screenshot(page, shots, 'widget-open', { fullPage: false });
      await page.keyboard.press('Escape'); // stops the answer
      await waitState(frame, 'idle', 3000);
      await page.keyboard.press('Escape'); // closes the panel
      await page.waitForFunction(() => document.querySelector('.malbeot-widget').shadowRoot
        .querySelector('.panel').hidden);
      result.afterClose = await focused(page);
      result.turns = await turns(frame);
      result.frameDebug = await debugInfo(frame);
      result.axeHost = await axe(page);
      // the shortcut from the host page opens the panel and focuses the voice button
      await page.keyboard.press('Shift+Alt+KeyM');
      await frame.waitForFunction(() => document.activeElement && document.activeElement.id === 'talk', null,
        { timeout: 10000 });
      result.shortcutOpened = await page.evaluate(() => !document.querySelector('.malbeot-widget').shadowRoot
        .querySelector('.panel').hidden);
      result.axeHostOpen = await axe(page);
      result.axeFrame = await axeFrame(frame);
      result.errors = errors;
    } finally {
      await browser.close();
    }
  },

  /** The fake microphone plays `wav` for `seconds`; the test inspects what the gateway received. */
  async capture(result) {
    const browser = await launch({ wav: options.wav });
    try {
      const { page, errors } = await newPage(browser);
      await openApp(page, app('lang=en&mode=voice'));
      await tabWalk(page, 2);
      await page.keyboard.press('Space');
      await waitState(page, 'listening');
      await page.waitForTimeout(options.seconds * 1000);
      await page.keyboard.press('Space');
      await waitTurns(page, 2);
      result.sampleRate = await page.evaluate(() => new AudioContext().sampleRate);
      result.debug = await debugInfo(page);
      result.errors = errors;
    } finally {
      await browser.close();
    }
  },

  /** End to end against the real gateway: a recorded question through the fake microphone. */
  async e2e(result) {
    const browser = await launch({ wav: options.wav });
    try {
      const { page, errors } = await newPage(browser);
      await openApp(page, app(`lang=${options.language || 'en'}&mode=voice`));
      await watchText(page, ['caption-user', 'caption-bot', 'alert', 'notice']);
      await watchLog(page);
      result.walk = await tabWalk(page, 2);
      await page.keyboard.press('Space');
      await waitState(page, 'listening');
      const started = Date.now();
      // the gateway's end-of-speech detection should end the turn; press again if it has not
      // after the whole recording (the fake microphone loops the file) plus a margin
      try {
        await waitTurns(page, 1, options.speechSeconds * 1000 + 6000);
        result.turnEndedBy = 'vad';
      } catch {
        if ((await appState(page)) === 'listening') await page.keyboard.press('Space');
        result.turnEndedBy = 'second press';
        await waitTurns(page, 1, 60000);
      }
      result.secondsToTranscript = (Date.now() - started) / 1000;
      await waitTurns(page, 2, 120000);
      result.secondsToAnswer = (Date.now() - started) / 1000;
      try {
        await waitState(page, 'speaking', 60000);
        result.loudest = await loudestOutput(page, 1500);
        result.speakingShot = await screenshot(page, shots, 'e2e-speaking');
        await waitState(page, 'idle', 120000);
      } catch (error) {
        result.audioWaitError = String(error);
      }
      result.turns = await turns(page);
      result.texts = await seenTexts(page);
      result.changes = await logChanges(page);
      result.debug = await debugInfo(page);
      result.alert = await page.textContent('#alert');
      await screenshot(page, shots, 'e2e-done');
      result.errors = errors;
    } finally {
      await browser.close();
    }
  },
};

const run = SCENARIOS[scenario];
if (!run) {
  process.stderr.write(`unknown scenario ${scenario}; known: ${Object.keys(SCENARIOS).join(', ')}\n`);
  process.exit(2);
}
await runScenario(run);
