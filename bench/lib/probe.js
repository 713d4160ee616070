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

  B.afterPaint = () => new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    });
  });

  /**
   * Resolves {domAt, paintAt} once `test()` is true, checked now and after
   * every DOM mutation batch; rejects after `timeoutMs`.
   */
  B.when = (test, timeoutMs = 60_000) => new Promise((resolve, reject) => {
    let done = false;
    let observer;
    const finish = () => {
      done = true;
      observer?.disconnect();
      clearTimeout(timer);
      const domAt = performance.now();
      B.afterPaint().then((paintAt) => resolve({ domAt, paintAt }));
    };
    const check = () => {
      if (done) return;
      let ok = false;
      try {
        ok = test();
      } catch {
        ok = false;
      }
      if (ok) finish();
    };
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      observer?.disconnect();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${test}`));
    }, timeoutMs);
    observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    check();
  });

  const rowsLive = document.getElementsByClassName('snapshot');
  B.rowCount = () => {
    let n = 0;
    for (const node of rowsLive) if (node.tagName === 'LI') n++;
    return n;
  };

  // Navigation → sign-in form interactive: the token field is in the DOM,
  // visible and enabled (then the next paint).
  B.formReady = B.when(() => {
    const input = document.getElementById('token');
    return !!input && !input.disabled && input.offsetParent !== null;
  }, 60_000);

  /** API requests (resource timing) that started at or after `since`. */
  B.apiEntries = (since) => performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/api/v1/') && e.startTime >= since);

  B.lastResponseEnd = (since) => {
    const entries = B.apiEntries(since);
    return entries.length ? Math.max(...entries.map((e) => e.responseEnd)) : null;
  };

  /**
   * Types the token, clicks "Sign in" and waits until `expectedRows` rows are
   * in the DOM and painted.
   */
  B.signIn = async (token, expectedRows) => {
    const input = document.getElementById('token');
    input.value = token;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const button = document.querySelector('form button[type="submit"]');
    const t0 = performance.now();
    const painted = B.when(() => B.rowCount() >= expectedRows);
    button.click();
    const { domAt, paintAt } = await painted;
    const dataAt = B.lastResponseEnd(t0);
    return {
      clickToPaint: paintAt - t0,
      dataToDom: domAt - dataAt,
      dataToPaint: paintAt - dataAt,
      requests: B.apiEntries(t0).length,
      rows: B.rowCount(),
    };
  };

  // The toolbar's Refresh button (found by structure, not by its words, so a
  // translated or reworded label does not break the benchmark). It is
  // disabled while a load runs, in the app and in the baseline.
  B.refreshButton = () => document.querySelector('.toolbar-actions button:not(.button-primary)');
  const settled = (t0) => {
    const b = B.refreshButton();
    return !!b && !b.disabled && B.apiEntries(t0).length > 0;
  };

  /** Clicks Refresh and waits until the list is loaded again (button back, then two frames). */
  B.refresh = async (timeoutMs = 60_000) => {
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
    const otherSection = [...document.querySelectorAll('section.server-group')]
      .find((section) => !section.contains(oldRow));
    const records = [];
    const observer = new MutationObserver((batch) => records.push(...batch));
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    const button = B.refreshButton();
    const t0 = performance.now();
    const changed = B.when(() => !!document.querySelector(selector)?.querySelector(`.badge.${expectedBadgeClass}`));
    button.click();
    const { domAt, paintAt } = await changed;
    const dataAt = B.lastResponseEnd(t0);
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
