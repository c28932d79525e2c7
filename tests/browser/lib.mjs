// Shared helpers of the browser scenarios: launching Debian's Chromium through playwright-core
// (no downloaded browsers), keyboard-only navigation, focus descriptions, axe-core, page probes.

import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const AXE_SOURCE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
/** Debian's Chromium as the system finds it: MALBEOT_CHROMIUM (the Python harness sets it), else on PATH. */
function chromiumOnPath() {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const candidate = path.join(dir, 'chromium');
    if (dir && existsSync(candidate)) return candidate;
  }
  return 'chromium';
}
export const CHROMIUM = process.env.MALBEOT_CHROMIUM || chromiumOnPath();

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launch headless Chromium.
 * @param {{fakeDevice?: boolean, fakeUi?: boolean, wav?: string, args?: string[]}} options
 *   fakeDevice: a fake microphone (a beep, or `wav` when given); fakeUi: accept the permission prompt.
 */
export async function launch({ fakeDevice = true, fakeUi = true, wav = '', args = [] } = {}) {
  const flags = [...BASE_ARGS, ...args];
  if (fakeUi) flags.push('--use-fake-ui-for-media-stream');
  if (fakeDevice) flags.push('--use-fake-device-for-media-stream');
  if (wav) flags.push(`--use-file-for-fake-audio-capture=${wav}`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: flags,
    // let reply audio reach the (fake, headless) output device instead of a muted one
    ignoreDefaultArgs: ['--mute-audio'],
    timeout: 60000,
  });
}

export async function newPage(browser, { viewport = { width: 1100, height: 1000 }, locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport, locale, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error && error.stack ? error.stack : error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, errors };
}

/** Open the app and wait until it has applied its settings (the log's live state is set late). */
export async function openApp(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.malbeot && document.documentElement.dataset.mode);
  await page.waitForTimeout(400);
}

/** Describe the focused element (through open shadow roots), with what makes its focus visible. */
export async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return { id: '', tag: 'body' };
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const label = el.labels && el.labels.length ? el.labels[0].textContent : '';
    return {
      id: el.id || el.className || '',
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') || '',
      name: (el.getAttribute('aria-label') || label || el.textContent || el.value || '').trim().slice(0, 80),
      checked: Boolean(el.checked),
      focusVisible: el.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
      width: rect.width,
      height: rect.height,
    };
  });
}

/** Press Tab `count` times, describing each element reached. */
export async function tabWalk(page, count, key = 'Tab') {
  const stops = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(key);
    stops.push(await focused(page));
  }
  return stops;
}

/** Run axe-core on the page (WCAG 2.0/2.1/2.2 A+AA and best practices): {passes, violations}. */
export async function axe(page, { exclude = [] } = {}) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (excluded) => {
    const context = excluded.length ? { exclude: excluded.map((s) => [s]) } : document;
    const result = await window.axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, summary: n.failureSummary })),
      })),
    };
  }, exclude);
}

export async function axeFrame(frame) {
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, summary: n.failureSummary })) })),
    };
  });
}

/** Record every change of the conversation log (and what its live setting was at that moment). */
export async function watchLog(target) {
  await target.evaluate(() => {
    const log = document.getElementById('log');
    window.__logChanges = [];
    window.__logObserver = new MutationObserver((records) => {
      for (const record of records) {
        window.__logChanges.push({
          type: record.type,
          added: record.addedNodes.length,
          removed: record.removedNodes.length,
          addedText: Array.from(record.addedNodes).map((n) => n.textContent).join(' '),
          live: log.getAttribute('aria-live'),
          role: log.getAttribute('role'),
        });
      }
    });
    window.__logObserver.observe(log, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

export const logChanges = (target) => target.evaluate(() => window.__logChanges || []);

/** Record every text the captions and the notice region show. */
export async function watchText(target, ids) {
  await target.evaluate((watched) => {
    window.__texts = {};
    for (const id of watched) {
      const el = document.getElementById(id);
      window.__texts[id] = [];
      new MutationObserver(() => {
        const text = el.textContent;
        const seen = window.__texts[id];
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(el, { childList: true, subtree: true, characterData: true });
    }
  }, ids);
}

export const seenTexts = (target) => target.evaluate(() => window.__texts || {});

export const appState = (target) => target.evaluate(() => document.getElementById('app').dataset.state);

export async function waitState(target, wanted, timeout = 15000) {
  await target.waitForFunction((w) => w.includes(document.getElementById('app').dataset.state),
    Array.isArray(wanted) ? wanted : [wanted], { timeout, polling: 50 });
}

export async function waitTurns(target, count, timeout = 15000) {
  await target.waitForFunction((n) => document.querySelectorAll('#log .turn').length >= n, count,
    { timeout, polling: 50 });
}

export const turns = (target) => target.evaluate(() => Array.from(document.querySelectorAll('#log .turn')).map((t) => ({
  who: t.classList.contains('turn-user') ? 'user' : 'bot',
  text: t.querySelector('.text').textContent,
  lang: t.querySelector('.text').lang,
  programmes: Array.from(t.querySelectorAll('[data-programme-id]')).map((p) => p.dataset.programmeId),
})));

export const debugInfo = (target) => target.evaluate(() => {
  const d = window.malbeot.debug;
  return { ...d, messages: d.messages.slice(-60) };
});

/** The live-region properties Chromium exposes to assistive technology for the log. */
export async function logAccessibility(page) {
  const client = await page.context().newCDPSession(page);
  await client.send('Accessibility.enable');
  const { nodes } = await client.send('Accessibility.getFullAXTree');
  await client.detach();
  const log = nodes.find((n) => n.role && n.role.value === 'log');
  if (!log) return null;
  const props = Object.fromEntries((log.properties || []).map((p) => [p.name, p.value && p.value.value]));
  return { role: log.role.value, name: log.name && log.name.value, live: props.live ?? null, relevant: props.relevant ?? null };
}

/** Sample the playback level for `ms`; return the loudest RMS seen. */
export async function loudestOutput(target, ms) {
  return target.evaluate(async (duration) => {
    let loudest = 0;
    const end = performance.now() + duration;
    while (performance.now() < end) {
      loudest = Math.max(loudest, window.malbeot.outputLevel());
      await new Promise((r) => setTimeout(r, 40));
    }
    return loudest;
  }, ms);
}

export async function screenshot(page, dir, name, options = {}) {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, ...options });
  return file;
}

/** Run `fn(result)`, print `result` as one JSON line; exit 1 (with the partial result) on failure. */
export async function runScenario(fn) {
  const result = {};
  try {
    await fn(result);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } catch (error) {
    result.error = String(error && error.stack ? error.stack : error);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exitCode = 1;
  }
}
