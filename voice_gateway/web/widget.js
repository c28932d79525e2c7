// Malbeot widget: one script tag adds the voice button to a district web page.
//
//   <script src="https://GATEWAY/widget.js" defer></script>
//   optional attributes: data-lang="ko|en|zh|vi|ja"  data-mode="voice|screenreader"
//                        data-position="floating|inline" (inline: placed where the tag is)
//
// Accessibility design: the host page gets a real <button> (in a shadow root, so the district's CSS
// cannot hide its focus ring or shrink it) that discloses a panel holding an <iframe> of the gateway's
// own page (?embed=1). The iframe keeps the app, its live region and its styles isolated and
// identical to GET /, and lets the microphone permission belong to the gateway origin
// (allow="microphone"). Opening moves focus to the voice button inside the frame; Escape (when
// nothing is playing) or the close button returns focus to the launcher. Alt+Shift+M on the host
// page opens the panel and focuses the voice button (press Space or Enter there to talk: browsers
// require the key press that starts the microphone to happen inside the frame).
(() => {
  'use strict';
  if (window.__malbeotWidget) return; // one widget per page
  const script = document.currentScript;
  if (!script || !script.src) return;
  window.__malbeotWidget = true;

  const gateway = new URL('./', script.src);
  const LABELS = {
    ko: { open: '말벗 음성 도우미', close: '닫기', frame: '말벗 음성 도우미' },
    en: { open: 'Malbeot voice help', close: 'Close', frame: 'Malbeot voice assistant' },
    zh: { open: 'Malbeot 语音助手', close: '关闭', frame: 'Malbeot 语音助手' },
    vi: { open: 'Trợ lý giọng nói Malbeot', close: 'Đóng', frame: 'Trợ lý giọng nói Malbeot' },
    ja: { open: 'Malbeot 音声アシスタント', close: '閉じる', frame: 'Malbeot 音声アシスタント' },
  };
  const TAGS = { ko: 'ko', en: 'en', zh: 'zh-CN', vi: 'vi', ja: 'ja' };

  const pick = (...tags) => {
    for (const tag of tags) {
      const code = String(tag || '').toLowerCase().split('-')[0];
      if (code in LABELS) return code;
    }
    return 'ko';
  };
  const lang = pick(script.dataset.lang, document.documentElement.lang, navigator.language);
  const labels = LABELS[lang];
  const mode = script.dataset.mode === 'screenreader' || script.dataset.mode === 'voice' ? script.dataset.mode : '';
  const inline = script.dataset.position === 'inline';

  const host = document.createElement('div');
  host.className = 'malbeot-widget';
  host.lang = TAGS[lang];
  const root = host.attachShadow({ mode: 'open' });
  const css = `
  :host { all: initial; }
  .wrap { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Malgun Gothic", sans-serif;
          font-size: 1.125rem; line-height: 1.4; color: #1a1a1a; }
  .floating .launcher { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000; }
  .launcher { display: inline-flex; align-items: center; gap: 0.6rem; min-height: 3.75rem; min-width: 3.75rem;
              padding: 0.5rem 1.4rem 0.5rem 1rem; border: 3px solid #ffffff; border-radius: 2rem;
              background: #0a4a8f; color: #ffffff; font: inherit; font-weight: 700; cursor: pointer;
              box-shadow: 0 0 0 2px #0a4a8f, 0 4px 12px rgba(0, 0, 0, 0.35); }
  .launcher svg { width: 1.75rem; height: 1.75rem; fill: currentColor; flex: none; }
  .launcher[aria-expanded="true"] { background: #1a1a1a; box-shadow: 0 0 0 2px #1a1a1a; }
  button:focus { outline: none; }
  button:focus-visible { outline: 4px solid #1a1a1a; outline-offset: 4px; box-shadow: 0 0 0 4px #ffdd00; }
  .panel { background: #ffffff; border: 3px solid #1a1a1a; border-radius: 0.75rem; overflow: hidden;
           display: flex; flex-direction: column; }
  .panel[hidden] { display: none; }
  .floating .panel { position: fixed; right: 1rem; bottom: 6rem; z-index: 2147483000;
                     width: min(28rem, calc(100vw - 2rem)); height: min(42rem, calc(100vh - 8rem));
                     box-shadow: 0 8px 28px rgba(0, 0, 0, 0.4); }
  .inline .panel { margin-top: 0.75rem; width: 100%; height: 42rem; max-height: 90vh; }
  .bar { display: flex; justify-content: flex-end; padding: 0.4rem; border-bottom: 2px solid #1a1a1a;
         background: #f3f5f8; }
  .close { min-height: 2.75rem; min-width: 5rem; padding: 0.3rem 1rem; border: 2px solid #1a1a1a;
           border-radius: 0.5rem; background: #ffffff; color: #1a1a1a; font: inherit; font-weight: 600;
           cursor: pointer; }
  iframe { flex: 1; width: 100%; border: 0; }
  @media (forced-colors: active) {
    .launcher, .close, .panel { border-color: ButtonText; }
    button:focus-visible { outline-color: Highlight; }
  }`;
  // a constructed style sheet is not an inline <style>, so a district page's CSP does not block it
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  const template = document.createElement('template');
  template.innerHTML = `
<div class="wrap ${inline ? 'inline' : 'floating'}">
  <button class="launcher" type="button" aria-expanded="false" aria-controls="malbeot-panel"
          aria-keyshortcuts="Alt+Shift+M">
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3z"/>
      <path d="M17 11a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.92V21h2v-3.08A7 7 0 0 0 19 11h-2z"/>
    </svg>
    <span class="launcher-label"></span>
  </button>
  <div class="panel" id="malbeot-panel" role="region" hidden>
    <div class="bar"><button class="close" type="button"></button></div>
  </div>
</div>`;
  root.append(template.content);

  const launcher = root.querySelector('.launcher');
  const panel = root.querySelector('.panel');
  const closeButton = root.querySelector('.close');
  root.querySelector('.launcher-label').textContent = labels.open;
  closeButton.textContent = labels.close;
  panel.setAttribute('aria-label', labels.frame);
  let frame = null;
  let frameLoaded = null;

  function ensureFrame() {
    if (frame) return frameLoaded;
    frame = document.createElement('iframe');
    frame.title = labels.frame;
    frame.allow = 'microphone; autoplay';
    const src = new URL(gateway.href);
    src.searchParams.set('embed', '1');
    src.searchParams.set('lang', lang);
    if (mode) src.searchParams.set('mode', mode);
    frame.src = src.href;
    frameLoaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    panel.append(frame);
    return frameLoaded;
  }

  function focusApp() {
    ensureFrame().then(() => {
      if (panel.hidden) return;
      frame.focus();
      frame.contentWindow.postMessage({ type: 'malbeot:focus' }, gateway.origin);
    });
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    focusApp();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', () => (panel.hidden ? open() : close()));
  closeButton.addEventListener('click', close);
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      event.preventDefault();
      close();
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyM') {
      event.preventDefault();
      if (event.repeat) return;
      if (panel.hidden) open();
      else focusApp();
    }
  });
  window.addEventListener('message', (event) => {
    if (!frame || event.source !== frame.contentWindow || event.origin !== gateway.origin) return;
    if (event.data && event.data.type === 'malbeot:close') close();
  });

  const mount = () => {
    if (inline && script.parentNode && script.parentNode !== document.head) script.after(host);
    else document.body.append(host);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
})();
