// Put into the page by the chaos run before the app starts (addInitScript,
// a DevTools evaluation the page's Content-Security-Policy does not block).
// It keeps, with the time it appeared, every text the page gives the user
// about an outcome: notices (toasts), alerts (dialogs, the sign-in page),
// the list of failed deletes. Notices fade, so reading them only between
// two actions would miss some. It also keeps the WebAssembly memory that
// Trunk's bootstrap announces, and whether the panic page ever showed.
(() => {
  if (window.__chaos) return;
  const C = (window.__chaos = { messages: [], memory: null, panicked: false });
  addEventListener('TrunkApplicationStarted', (event) => {
    C.memory = event.detail?.wasm?.memory ?? null;
  });
  /** Bytes of the wasm instance's memory, or null before it started. */
  C.wasmBytes = () => (C.memory ? C.memory.buffer.byteLength : null);
  /** The messages recorded since the last call. */
  C.take = () => C.messages.splice(0);

  const SOURCES = [
    ['.delete-failures', 'failures'],
    ['dialog[open] .alert', 'dialog'],
    ['.toasts > div', 'toast'],
    ['[role="alert"]', 'alert'],
  ];
  const seen = new WeakMap();
  const scan = () => {
    for (const [selector, source] of SOURCES) {
      for (const el of document.querySelectorAll(selector)) {
        const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
        if (!text || seen.get(el) === text) continue;
        seen.set(el, text);
        C.messages.push({ at: Date.now(), source, text });
      }
    }
    // The panic hook replaces the body with this page (src/main.rs).
    if (document.querySelector('main.page-message h1')?.textContent.includes('Something went wrong')) {
      C.panicked = true;
    }
  };
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      scan();
    });
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();
