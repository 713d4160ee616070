// Injected by bench/run into every page (app and baseline) before the page's
// own scripts run. All times are performance.now() values, i.e. milliseconds
// since the navigation started. "Paint" is taken as the first task after the
// next animation frame (requestAnimationFrame + MessageChannel), which runs
// once the browser has produced the frame that shows the change.
(() => {
  if (window.__bench) return;
  const B = (window.__bench = {});
  try {
    performance.setResourceTimingBufferSize(100000);
  } catch {
    // old browsers
  }

  // The wasm instance's memory (Trunk's bootstrap announces the exports).
  B.wasmMemory = null;
  addEventListener('TrunkApplicationStarted', (event) => {
    B.wasmMemory = event.detail?.wasm?.memory ?? null;
  });
  B.wasmBytes = () => (B.wasmMemory ? B.wasmMemory.buffer.byteLength : null);

  // Every long task (over 50 ms) of the page's life, for "no frozen tab".
  B.longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push({ startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: the list stays empty and the run says so
    B.longTasks = null;
  }
  /** The longest task that started at or after `since`, or null. */
  B.longestTaskSince = (since) => {
    if (!B.longTasks) return null;
    const after = B.longTasks.filter((t) => t.startTime >= since);
    return { count: after.length, longest: after.length ? Math.max(...after.map((t) => t.duration)) : 0 };
  };

  B.afterPaint = () => new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
  });

  /**
   * Resolves {domAt, paintAt} once `test()` is true, checked at the start of
   * every animation frame (paintAt: the first task after that frame);
   * rejects after `timeoutMs`. Checked per frame, not per DOM mutation: a
   * list rendered in many small steps would otherwise force a layout of the
   * growing page at each step and slow down what is being measured.
   */
  B.when = (test, timeoutMs = 60_000) => new Promise((resolve, reject) => {
    let done = false;
    const frame = () => {
      if (done) return;
      let ok = false;
      try {
        ok = test();
      } catch {
        ok = false;
      }
      if (!ok) {
        requestAnimationFrame(frame);
        return;
      }
      done = true;
      clearTimeout(timer);
      const domAt = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ domAt, paintAt: performance.now() });
      channel.port2.postMessage(0);
    };
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${test}`));
    }, timeoutMs);
    requestAnimationFrame(frame);
  });

  const rowsLive = document.getElementsByClassName('snapshot');
  B.rowCount = () => {
    let n = 0;
    for (const node of rowsLive) if (node.tagName === 'LI') n++;
    return n;
  };

  // A server's part of the list, whatever its element (section or article):
  // [data-server-id]. Table rows of dialogs carry it too; they are left out.
  const SECTION = '[data-server-id]:not(tr)';
  B.sections = () => document.querySelectorAll(SECTION);

  /**
   * The first screen: at least one row, and either the rendered list reaches
   * the bottom of the viewport or all `expectedRows` rows are in the DOM. The
   * same test for a windowed list and for one that renders every row.
   */
  B.firstScreen = (expectedRows) => {
    const rows = B.rowCount();
    if (rows < 1) return false;
    if (expectedRows && rows >= expectedRows) return true;
    const sections = B.sections();
    const last = sections[sections.length - 1];
    return !!last && last.getBoundingClientRect().bottom >= innerHeight;
  };

  // Navigation → sign-in form interactive: the token field is in the DOM,
  // visible and enabled (then painted).
  B.formReady = B.when(() => {
    const input = document.getElementById('token');
    return !!input && !input.disabled && input.offsetParent !== null;
  }, 60_000);

  /** API requests (resource timing) that started at or after `since`. */
  B.apiEntries = (since) => performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/api/v1/') && e.startTime >= since);

  /** The end of the last API response after `since` (and, if given, before `until`). */
  B.lastResponseEnd = (since, until = Infinity) => {
    const ends = B.apiEntries(since).map((e) => e.responseEnd).filter((t) => t > 0 && t <= until);
    return ends.length ? Math.max(...ends) : null;
  };

  // The toolbar's Refresh button (found by structure, not by its words, so a
  // translated or reworded label does not break the benchmark). It is
  // disabled while a load runs, in the app and in the baseline.
  B.refreshButton = () => document.querySelector('.refresh-button');
  // Settled: no rows needed, so it holds for a windowed list too.
  const settled = (t0) => {
    const b = B.refreshButton();
    return !!b && !b.disabled && B.apiEntries(t0).length > 0;
  };

  /**
   * Types the token, clicks "Sign in" and waits for the first screen painted
   * and, if `waitAll`, for all `expectedRows` rows painted (a list that
   * renders every row; a windowed list never has them all). Then waits until
   * the load has settled (Refresh enabled again). "Data" is the last API
   * response before the condition held, so a list that shows its first
   * screen before the last page arrived is not credited with a negative time.
   */
  B.signIn = async (token, expectedRows, waitAll, timeoutMs = 60_000) => {
    const input = document.getElementById('token');
    input.value = token;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const button = document.querySelector('form button[type="submit"]');
    const t0 = performance.now();
    const first = B.when(() => B.firstScreen(expectedRows), timeoutMs);
    const all = waitAll ? B.when(() => B.rowCount() >= expectedRows, timeoutMs) : null;
    button.click();
    const f = await first;
    const a = all ? await all : null;
    const timing = ({ domAt, paintAt }) => {
      const dataAt = B.lastResponseEnd(t0, domAt);
      return { clickToPaint: paintAt - t0, dataToDom: domAt - dataAt, dataToPaint: paintAt - dataAt };
    };
    await B.when(() => settled(t0), timeoutMs);
    return {
      t0,
      firstScreen: timing(f),
      allRows: a ? timing(a) : null,
      lastResponseEnd: B.lastResponseEnd(t0) - t0,
      requests: B.apiEntries(t0).length,
      rows: B.rowCount(),
    };
  };

  /** Clicks Refresh and waits until the list is loaded again (button back, then two frames). */
  B.refresh = async (timeoutMs = 60_000) => {
    // A load already running (Refresh disabled) would swallow the click.
    await B.when(() => !B.refreshButton()?.disabled, timeoutMs);
    const button = B.refreshButton();
    const t0 = performance.now();
    button.click();
    await B.when(() => settled(t0), timeoutMs);
    await B.afterPaint();
    await B.afterPaint();
    return performance.now() - t0;
  };

  /**
   * Clicks Refresh after the API was told to change snapshot `id`'s status,
   * and measures the time from the answer (the last API response) to the
   * painted change, and every DOM node mutated meanwhile.
   */
  B.measureUpdate = async (id, expectedBadgeClass) => {
    const selector = `li.snapshot[data-snapshot-id="${id}"]`;
    const oldRow = document.querySelector(selector);
    const list = document.querySelector('.groups');
    // Another section than the row's: it must survive the update untouched.
    const otherSection = [...B.sections()].find((section) => !section.contains(oldRow));
    const records = [];
    const observer = new MutationObserver((batch) => records.push(...batch));
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    const button = B.refreshButton();
    const t0 = performance.now();
    const changed = B.when(() => !!document.querySelector(selector)?.querySelector(`.badge.${expectedBadgeClass}`));
    button.click();
    const { domAt, paintAt } = await changed;
    const dataAt = B.lastResponseEnd(t0, domAt);
    // Let the refresh finish (button enabled again) before counting.
    await B.when(() => settled(t0));
    await B.afterPaint();
    records.push(...observer.takeRecords());
    observer.disconnect();

    const newRow = document.querySelector(selector);
    const inRow = (node) => !!node && (node === oldRow || node === newRow ||
      (oldRow && oldRow.contains(node)) || (newRow && newRow.contains(node)));
    const touched = new Set();
    const where = { row: new Set(), list: new Set(), outside: new Set() };
    const place = (node, record) => {
      if (!node) return;
      touched.add(node);
      // A node removed from the row is detached: judge it by its old parent.
      const anchor = node.isConnected || inRow(node) ? node : record.target;
      if (inRow(anchor) || (record.type === 'childList' && inRow(node))) where.row.add(node);
      else if (list && (anchor === list || list.contains(anchor))) where.list.add(node);
      else where.outside.add(node);
    };
    let created = 0;
    const countSubtree = (node) => {
      let n = 1;
      for (let c = node.firstChild; c; c = c.nextSibling) n += countSubtree(c);
      return n;
    };
    for (const r of records) {
      if (r.type === 'childList') {
        // The row's own insertion/removal in its <ul> belongs to the row.
        const onlyRow = [...r.addedNodes, ...r.removedNodes].every((n) => inRow(n) || n.nodeType === Node.COMMENT_NODE);
        if (!(onlyRow && (r.target === oldRow?.parentNode || r.target === newRow?.parentNode))) place(r.target, r);
        for (const n of r.addedNodes) {
          place(n, r);
          created += countSubtree(n);
        }
        for (const n of r.removedNodes) place(n, r);
      } else {
        place(r.target, r);
      }
    }
    const describe = (node) => {
      const e = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
      if (!e) return node.nodeName;
      const cls = e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : '';
      return `${e.tagName.toLowerCase()}${cls}${node === e ? '' : ` (${node.nodeName})`}`;
    };
    return {
      dataToDom: domAt - dataAt,
      dataToPaint: paintAt - dataAt,
      clickToPaint: paintAt - t0,
      records: records.length,
      nodesTouched: touched.size,
      nodesCreated: created,
      inRow: where.row.size,
      elsewhereInList: where.list.size,
      outsideList: where.outside.size,
      rowReplaced: oldRow !== newRow,
      otherSectionsRebuilt: !!otherSection && !otherSection.isConnected,
      elsewhereSample: [...where.list].slice(0, 5).map(describe),
      outsideSample: [...new Set([...where.outside].map(describe))].slice(0, 8),
    };
  };

  /**
   * The row in the middle of the rendered rows (of a windowed list: of those
   * near the viewport), scrolled into view and painted. Returns its ids.
   * Never a server's first (newest) row: flipping that one's status changes
   * the server's last rollback point, which the app shows in the section's
   * header, so the change would rightly reach beyond the row.
   */
  B.middleRow = async () => {
    const all = [...document.querySelectorAll('li.snapshot')];
    const later = all.filter((li) => li.previousElementSibling?.matches('li.snapshot'));
    // (An account of one snapshot per server has only first rows.)
    const rows = later.length ? later : all;
    const row = rows[Math.floor(rows.length / 2)];
    row.scrollIntoView({ block: 'center' });
    await B.afterPaint();
    await B.afterPaint();
    // A windowed list may have re-rendered around the new scroll position.
    const id = row.dataset.snapshotId;
    const shown = document.querySelector(`li.snapshot[data-snapshot-id="${id}"]`);
    const rect = shown?.getBoundingClientRect();
    return {
      id: Number(id),
      serverId: Number(shown?.closest(SECTION)?.dataset.serverId),
      inViewport: !!rect && rect.bottom > 0 && rect.top < innerHeight,
    };
  };

  /**
   * Runs `act()` and waits for `test()` painted, watching meanwhile (until the
   * load it may start has settled) whether the loading placeholder
   * (`.skeleton`) appeared. Returns {ms: act → paint, flash}.
   */
  const measureChange = async (act, test, timeoutMs) => {
    let flash = false;
    const isSkeleton = (n) => n.nodeType === Node.ELEMENT_NODE &&
      (n.matches('.skeleton') || !!n.querySelector('.skeleton'));
    const observer = new MutationObserver((batch) => {
      for (const r of batch) {
        if ([...r.addedNodes].some(isSkeleton) || (r.type === 'attributes' && isSkeleton(r.target))) flash = true;
      }
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'aria-busy'] });
    const t0 = performance.now();
    const done = B.when(test, timeoutMs);
    act();
    const { paintAt } = await done;
    // A load started by the change (e.g. a background refresh) may still show
    // its placeholder later: watch until it has settled.
    await B.when(() => { const b = B.refreshButton(); return !!b && !b.disabled; }, timeoutMs);
    await B.afterPaint();
    if (document.querySelector('[aria-busy="true"].skeleton')) flash = true;
    observer.takeRecords();
    observer.disconnect();
    return { ms: paintAt - t0, flash };
  };

  const onlySection = (serverId) => {
    const sections = B.sections();
    return sections.length === 1 && sections[0].dataset.serverId === String(serverId) &&
      B.rowCount() > 0;
  };
  // Back to all servers: more than one section and the first screen.
  const allShown = () => B.sections().length > 1 && B.firstScreen(0);

  /** Types `text` into the picker `input` (a combobox), as a keystroke or a paste would. */
  const typeInto = (input, text) => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const press = (input, key) => input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

  /**
   * Picks server `serverId` ("" = all servers) in the #server-filter picker
   * as a user would: its number typed ("#ID"; nothing for "All servers",
   * which then comes first), then Enter on the first option found.
   */
  const pickServer = (serverId) => {
    const input = document.getElementById('server-filter');
    typeInto(input, serverId === '' ? '' : `#${serverId}`);
    press(input, 'Enter');
  };

  const pickerOptions = () => document.querySelectorAll('#server-filter-list [role="option"]');
  /** Every node (elements and text) of the toolbar's picker, its open list included. */
  const pickerNodes = () => {
    const walker = document.createTreeWalker(document.getElementById('server-filter').closest('.combo'), NodeFilter.SHOW_ALL);
    let n = 1;
    while (walker.nextNode()) n += 1;
    return n;
  };
  /** Times `act` → paint of `test`, in the page's own terms (no placeholder to watch: the list is not touched). */
  const timed = async (act, test, timeoutMs) => {
    const t0 = performance.now();
    const done = B.when(test, timeoutMs);
    act();
    return (await done).paintAt - t0;
  };

  /**
   * The toolbar's picker with `servers` servers: opened (Down; the first
   * time, when it works its options out, timed apart), one character
   * typed, then the full `name` typed (the list down to that server), each
   * input → paint; the nodes of the open picker; then Escape. Waits first
   * until the picker offers every server (the Servers API has answered).
   */
  B.measurePicker = async (servers, name, timeoutMs = 60_000) => {
    const input = document.getElementById('server-filter');
    const setSize = () => Number(pickerOptions()[0]?.getAttribute('aria-setsize') ?? 0);
    // The first focus and open work the options out (later ones find them ready).
    const firstOpen = await timed(() => {
      input.focus();
      press(input, 'ArrowDown');
    }, () => pickerOptions().length > 0, timeoutMs);
    await B.when(() => setSize() === servers + 1, timeoutMs);
    press(input, 'Escape');
    await B.afterPaint();
    const open = await timed(() => press(input, 'ArrowDown'), () => pickerOptions().length > 0, timeoutMs);
    await B.afterPaint();
    const nodes = pickerNodes();
    // "All servers" is found only while nothing is typed: the list changed.
    const oneChar = await timed(() => typeInto(input, name[0]), () => setSize() === servers, timeoutMs);
    const full = await timed(() => typeInto(input, name),
      () => pickerOptions().length === 1 && pickerOptions()[0].textContent.startsWith(name), timeoutMs);
    press(input, 'Escape');
    await B.afterPaint();
    return { name, firstOpen, open, oneChar, full, nodes };
  };

  /** The filter to server `serverId`, then to all servers: {ms, flash} each (profile.mjs times them apart). */
  B.filterToOne = (serverId, timeoutMs = 30_000) => measureChange(() => pickServer(serverId), () => onlySection(serverId), timeoutMs);
  B.filterToAll = (timeoutMs = 30_000) => measureChange(() => pickServer(''), allShown, timeoutMs);

  /** All servers → server `serverId` → all servers: both times, and any loading flash. */
  B.measureFilter = async (serverId, timeoutMs = 30_000) => {
    const toOne = await B.filterToOne(serverId, timeoutMs);
    const toAll = await B.filterToAll(timeoutMs);
    return { serverId, toOne: toOne.ms, toOneFlash: toOne.flash, toAll: toAll.ms, toAllFlash: toAll.flash };
  };

  const typeSearch = (text) => {
    const input = document.getElementById('search');
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const onlyRowNamed = (name) => {
    const rows = [...rowsLive].filter((n) => n.tagName === 'LI');
    return rows.length === 1 && rows[0].textContent.includes(name);
  };

  /** Types `name` (matching one snapshot) into #search, then clears it: both times. */
  B.measureSearch = async (name, timeoutMs = 30_000) => {
    const found = await measureChange(() => typeSearch(name), () => onlyRowNamed(name), timeoutMs);
    const cleared = await measureChange(() => typeSearch(''), allShown, timeoutMs);
    return { name, found: found.ms, cleared: cleared.ms, flash: found.flash || cleared.flash };
  };

  /**
   * Types server `serverId`'s `name` into #search (the search finds servers
   * too: their whole section), then clears it: both times.
   */
  B.measureServerSearch = async (name, serverId, timeoutMs = 30_000) => {
    const found = await measureChange(() => typeSearch(name), () => onlySection(serverId), timeoutMs);
    const cleared = await measureChange(() => typeSearch(''), allShown, timeoutMs);
    return { name, found: found.ms, cleared: cleared.ms, flash: found.flash || cleared.flash };
  };

  // ---- dialogs and the selection (metric 7's long tasks, metric 9's "New snapshot") ----

  const openDialog = () => document.querySelector('dialog.modal[open]');
  const enabled = (selector) => {
    const e = document.querySelector(selector);
    return !!e && !e.disabled ? e : null;
  };
  /** Closes the open dialog as Escape would, and waits until it has left the page, painted. */
  const closeDialog = async (timeoutMs) => {
    const dialog = openDialog();
    if (!dialog) return;
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    await B.when(() => !openDialog(), timeoutMs);
    await B.afterPaint();
  };
  // Each dialog of the list page: the button that opens it (a function, as
  // rows and sections come and go) and what says it is open and usable.
  const DIALOGS = {
    // "New snapshot": shown with its server picker usable (enabled, focusable).
    create: {
      button: () => enabled('.toolbar-actions .button-primary'),
      ready: () => !!openDialog() && !!enabled('dialog.modal[open] #create-server'),
    },
    // "Snapshot several servers": its server list and finder shown.
    createMany: {
      button: () => document.querySelector('.create-many-open'),
      ready: () => !!openDialog() && !!document.querySelector('dialog.modal[open] #many-title'),
    },
    // A row's Restore (the first one enabled: a completed snapshot).
    restore: {
      button: () => [...document.querySelectorAll('li.snapshot .snapshot-actions button.button:not(.button-danger-quiet)')]
        .find((b) => !b.disabled) ?? null,
      ready: () => !!openDialog(),
    },
    // A row's Delete.
    delete: {
      button: () => [...document.querySelectorAll('li.snapshot .snapshot-actions button.button-danger-quiet')]
        .find((b) => !b.disabled) ?? null,
      ready: () => !!openDialog(),
    },
    // The selection bar's "Delete selected" (after a section's select all).
    deleteMany: {
      button: () => enabled('.selection-bar .button-danger'),
      ready: () => !!openDialog(),
    },
    // The keyboard shortcuts.
    shortcuts: {
      button: () => enabled('button.shortcuts-button'),
      ready: () => !!openDialog(),
    },
  };
  B.dialogNames = Object.keys(DIALOGS);

  /**
   * Clicks the button of dialog `name` (see DIALOGS) and times the click →
   * the dialog painted and usable, then closes it. Null when the page has
   * no such button (e.g. no row enabled).
   */
  B.measureDialog = async (name, timeoutMs = 30_000) => {
    const d = DIALOGS[name];
    const button = d.button();
    if (!button) return null;
    button.scrollIntoView({ block: 'center' });
    await B.afterPaint();
    const t0 = performance.now();
    const shown = B.when(d.ready, timeoutMs);
    button.click();
    const { paintAt } = await shown;
    const ms = paintAt - t0;
    await closeDialog(timeoutMs);
    return ms;
  };

  /**
   * "New snapshot" opened, then its server picker opened (Down): the
   * picker's list painted with `servers` options, timed from the key. Then
   * the dialog is closed.
   */
  B.measureCreatePicker = async (servers, timeoutMs = 30_000) => {
    DIALOGS.create.button().click();
    await B.when(DIALOGS.create.ready, timeoutMs);
    const input = document.getElementById('create-server');
    input.focus();
    await B.afterPaint();
    const options = () => document.querySelectorAll('#create-server-list [role="option"]');
    const t0 = performance.now();
    const shown = B.when(() => Number(options()[0]?.getAttribute('aria-setsize') ?? 0) === servers, timeoutMs);
    press(input, 'ArrowDown');
    const ms = (await shown).paintAt - t0;
    await closeDialog(timeoutMs);
    return ms;
  };

  /**
   * A section's "select all" (the first section with one enabled): click →
   * the selection bar painted. Leaves the selection as it is (for "Delete
   * selected"); `B.clearSelection()` leaves it.
   */
  B.measureSelectAll = async (timeoutMs = 30_000) => {
    const box = [...document.querySelectorAll('.select-all input[type="checkbox"]')].find((b) => !b.disabled && !b.checked);
    if (!box) return null;
    box.scrollIntoView({ block: 'center' });
    await B.afterPaint();
    const t0 = performance.now();
    const shown = B.when(() => !!document.querySelector('.selection-bar'), timeoutMs);
    box.click();
    return (await shown).paintAt - t0;
  };

  /** Clicks the selection bar's "Clear selection" and waits until the bar has gone. */
  B.clearSelection = async (timeoutMs = 30_000) => {
    const button = document.querySelector('.selection-bar button.button:not(.button-danger)');
    if (!button) return;
    button.click();
    await B.when(() => !document.querySelector('.selection-bar'), timeoutMs);
    await B.afterPaint();
  };

  /** The long tasks that started between `from` and `to`: their count and the longest. */
  B.longTasksBetween = (from, to) => {
    if (!B.longTasks) return null;
    const inside = B.longTasks.filter((t) => t.startTime >= from && t.startTime < to);
    return { count: inside.length, longest: inside.length ? Math.max(...inside.map((t) => t.duration)) : 0 };
  };

  /** Scrolls to the bottom of the page in `steps` steps, two frames each. */
  B.scrollDown = async (steps) => {
    for (let i = 1; i <= steps; i++) {
      scrollTo(0, (document.documentElement.scrollHeight * i) / steps);
      await B.afterPaint();
      await B.afterPaint();
    }
    return { scrollY, scrollHeight: document.documentElement.scrollHeight };
  };

  /** Counts DOM mutations for `ms` milliseconds (e.g. an idle clock tick). */
  B.countMutations = (ms) => new Promise((resolve) => {
    let n = 0;
    const observer = new MutationObserver((batch) => { n += batch.length; });
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    setTimeout(() => {
      n += observer.takeRecords().length;
      observer.disconnect();
      resolve(n);
    }, ms);
  });
})();
