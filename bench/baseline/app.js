// The benchmark's baseline: the snapshot list written by hand, without a
// framework, the way a careful developer would (template cloning, keyed
// updates that replace only changed rows, event delegation).
//
// It talks to the same API the same way as the console (config.json first,
// the token checked with one list call, then every page of the snapshots and
// the servers followed through `next`, both lists at once), and renders the
// same markup with the same classes and texts, so that bench/run can compare
// start-up, render and update times with the Leptos app. Dialogs, polling and
// error handling are out of its scope.
'use strict';

(() => {
  const TITLE = 'Snapshots — VPS.org';
  const LIMIT = 5;

  let apiBase = '';
  let token = null;
  const state = { snapshots: [], servers: null, loadedAt: null, loading: false };

  // ---- formatting (mirrors src/domain/format.rs, time.rs, polling.rs) ----

  const pad = (n, w = 2) => String(n).padStart(w, '0');

  function parseTime(text) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
  }

  function formatUtc(secs) {
    const d = new Date(secs * 1000);
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
      `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
  }

  function relativeTime(now, then) {
    const ago = now - then;
    if (ago < 45) return 'just now';
    let amount;
    let unit;
    if (ago < 3600) [amount, unit] = [Math.trunc((ago + 30) / 60), 'minute'];
    else if (ago < 86400) [amount, unit] = [Math.trunc((ago + 1800) / 3600), 'hour'];
    else if (ago < 2592000) [amount, unit] = [Math.trunc((ago + 43200) / 86400), 'day'];
    else if (ago < 31536000) [amount, unit] = [Math.trunc((ago + 1296000) / 2592000), 'month'];
    else [amount, unit] = [Math.trunc((ago + 15768000) / 31536000), 'year'];
    amount = Math.max(amount, 1);
    return `${amount} ${unit}${amount === 1 ? '' : 's'} ago`;
  }

  function size(mb) {
    if (mb === null || mb === undefined) return '—';
    if (mb < 1024) return `${mb} MB`;
    if (mb < 1024 * 1024) return `${(mb / 1024).toFixed(1)} GB`;
    return `${(mb / (1024 * 1024)).toFixed(1)} TB`;
  }

  function progressText(elapsed) {
    const e = Math.max(elapsed, 0);
    const text = e < 60 ? '< 1 min' : `${Math.trunc(e / 60)} min`;
    const usual = 'usually 3–10 min';
    return e >= 600 ? `${text} elapsed — taking longer than usual (${usual})` : `${text} elapsed — ${usual}`;
  }

  const nowSecs = () => Math.floor(Date.now() / 1000);

  // ---- API ----

  async function get(url, withToken = token) {
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${withToken}`, Accept: 'application/json' },
      cache: 'no-store',
    });
    if (res.status === 401) throw Object.assign(new Error('unauthorized'), { unauthorized: true });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  }

  async function listAll(path) {
    const first = new URL(apiBase + path, location.href);
    let url = first.href;
    const items = [];
    for (let i = 0; i < 500; i++) {
      const page = await get(url);
      for (const item of page.results) items.push(item);
      if (!page.next) return items;
      const next = new URL(page.next, first);
      if (next.origin !== first.origin) throw new Error('the next page is on another site');
      url = next.href;
    }
    throw new Error('the list has too many pages');
  }

  // ---- DOM helpers ----

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) for (const k in attrs) node.setAttribute(k, attrs[k]);
    for (const c of children) node.append(c);
    return node;
  }

  function template(html) {
    const t = document.createElement('template');
    t.innerHTML = html;
    return t.content.firstElementChild;
  }

  // ---- sign-in page ----

  function renderSignIn() {
    const input = el('input', {
      id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false',
      'aria-invalid': 'false', 'aria-describedby': 'token-error',
    });
    const show = el('button', { type: 'button', class: 'button', 'aria-pressed': 'false' }, 'Show token');
    const error = el('p', { id: 'token-error', class: 'field-error', role: 'alert' });
    const submit = el('button', { type: 'submit', class: 'button button-primary' }, 'Sign in');
    const form = el('form', { class: 'card sign-in-card', novalidate: '' },
      el('h2', null, 'Sign in'),
      el('p', { class: 'hint' }, 'Paste an API token of your VPS.org account. It is kept in this browser tab only and forgotten when the tab is closed.'),
      el('div', { class: 'field' },
        el('label', { for: 'token' }, 'API token'),
        el('div', { class: 'token-row' }, input, show),
        error),
      submit);
    show.addEventListener('click', () => {
      const shown = input.type === 'password';
      input.type = shown ? 'text' : 'password';
      show.setAttribute('aria-pressed', String(shown));
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const candidate = input.value.trim();
      if (!candidate) {
        error.textContent = 'Paste your API token first.';
        input.setAttribute('aria-invalid', 'true');
        return;
      }
      submit.disabled = true;
      submit.textContent = 'Signing in…';
      error.textContent = '';
      try {
        await get(new URL(`${apiBase}/api/v1/snapshots/`, location.href).href, candidate);
        token = candidate;
        renderListPage();
      } catch (err) {
        error.textContent = err.unauthorized
          ? 'This token was rejected by the API. Check it and try again.'
          : `The token could not be checked: ${err.message}`;
        input.setAttribute('aria-invalid', 'true');
        submit.disabled = false;
        submit.textContent = 'Sign in';
      }
    });
    const main = el('main', { class: 'sign-in', id: 'main' }, el('h1', { class: 'brand' }, 'VPS.org snapshots'), form);
    document.body.replaceChildren(el('a', { class: 'skip-link', href: '#main' }, 'Skip to content'), main);
    input.focus();
  }

  // ---- list page ----

  let page = null; // {groups, filter, updated, refresh}
  const sections = new Map(); // server id → {key, el, header, ul}
  const rows = new Map(); // snapshot id → {key, el, time, created}

  function renderListPage() {
    const filter = el('select', { id: 'server-filter' });
    const updated = el('span', { class: 'updated', 'aria-live': 'polite' });
    const refresh = el('button', { class: 'button refresh-button' }, 'Refresh');
    const sort = el('select', { id: 'sort' },
      el('option', { value: 'date', selected: '' }, 'Newest first'),
      el('option', { value: 'name' }, 'Name (A–Z)'),
      el('option', { value: 'size' }, 'Largest first'));
    const groups = el('div', { class: 'groups' });
    const signOut = el('button', { class: 'button button-quiet' }, 'Sign out');
    const main = el('main', { class: 'page', id: 'main' },
      el('div', { class: 'toolbar', role: 'search' },
        el('div', { class: 'field field-inline' }, el('label', { for: 'server-filter' }, 'Server'), filter),
        el('div', { class: 'field field-inline field-grow' },
          el('label', { for: 'search' }, 'Search'),
          el('input', { id: 'search', type: 'search', placeholder: 'Name or description' })),
        el('div', { class: 'field field-inline' }, el('label', { for: 'sort' }, 'Sort by'), sort),
        el('div', { class: 'toolbar-actions' }, updated, refresh,
          el('button', { class: 'button button-primary' }, 'New snapshot'))),
      el('div', { class: 'skeleton', 'aria-busy': 'true', role: 'status' },
        el('span', { class: 'visually-hidden' }, 'Loading snapshots…'),
        el('div', { class: 'skeleton-card', 'aria-hidden': 'true' }),
        el('div', { class: 'skeleton-card', 'aria-hidden': 'true' }),
        el('div', { class: 'skeleton-card', 'aria-hidden': 'true' })));
    document.body.replaceChildren(
      el('a', { class: 'skip-link', href: '#main' }, 'Skip to content'),
      el('header', { class: 'topbar' }, el('h1', { class: 'brand' }, 'VPS.org snapshots'), signOut),
      main);
    page = { main, groups, filter, filterKey: '', updated, refresh };
    refresh.addEventListener('click', load);
    signOut.addEventListener('click', () => {
      token = null;
      page = null;
      sections.clear();
      rows.clear();
      document.title = TITLE;
      renderSignIn();
    });
    // One listener for every row and section button (they open dialogs in
    // the real console; the baseline has none).
    groups.addEventListener('click', () => {});
    load();
  }

  async function load() {
    if (!page || state.loading) return;
    state.loading = true;
    page.refresh.disabled = true;
    page.refresh.textContent = 'Refreshing…';
    const [snapshots, servers] = await Promise.all([
      listAll('/api/v1/snapshots/').catch(() => null),
      listAll('/api/v1/servers/').catch(() => null),
    ]);
    state.loading = false;
    if (!page) return;
    page.refresh.disabled = false;
    page.refresh.textContent = 'Refresh';
    if (servers) state.servers = servers;
    if (snapshots) {
      state.snapshots = snapshots;
      state.loadedAt = Date.now();
      render();
    }
  }

  function groupSnapshots() {
    const groups = new Map();
    const add = (id, name, status) => {
      if (!groups.has(id)) groups.set(id, { id, name, status, snapshots: [], total: 0 });
    };
    for (const s of state.servers || []) add(s.id, s.name, s.status ?? '');
    for (const s of state.snapshots) add(s.server.id, s.server.name, null);
    for (const s of state.snapshots) {
      const g = groups.get(s.server.id);
      g.total += 1;
      g.snapshots.push(s);
    }
    const list = [...groups.values()];
    for (const g of list) {
      for (const s of g.snapshots) s._created ??= parseTime(s.created_at);
      g.snapshots.sort((a, b) => ((b._created ?? -Infinity) - (a._created ?? -Infinity)) || (b.id - a.id));
    }
    list.sort((a, b) => {
      const x = a.name.toLowerCase();
      const y = b.name.toLowerCase();
      return x < y ? -1 : x > y ? 1 : a.id - b.id;
    });
    return list;
  }

  function render() {
    const now = nowSecs();
    if (page.groups.parentNode !== page.main) {
      page.main.querySelector('.skeleton')?.remove();
      page.main.append(page.groups);
    }
    const list = groupSnapshots();

    // The server filter's options, rebuilt only when the servers change.
    const filterKey = list.map((g) => `${g.id}:${g.name}`).join('\n');
    if (filterKey !== page.filterKey) {
      page.filterKey = filterKey;
      const options = [el('option', { value: '', selected: '' }, 'All servers')];
      const byName = list.slice().sort((a, b) => {
        const x = a.name.toLowerCase();
        const y = b.name.toLowerCase();
        return x < y ? -1 : x > y ? 1 : a.id - b.id;
      });
      for (const g of byName) options.push(el('option', { value: String(g.id) }, `${g.name} (#${g.id})`));
      page.filter.replaceChildren(...options);
    }

    const seenSections = new Set();
    const wantedSections = [];
    for (const g of list) {
      seenSections.add(g.id);
      const key = `${g.name}\n${g.status}\n${g.total}`;
      let section = sections.get(g.id);
      if (!section) {
        section = createSection(g);
        sections.set(g.id, section);
      } else if (section.key !== key) {
        updateSection(section, g);
      }
      section.key = key;
      wantedSections.push(section.el);
      const wantedRows = [];
      for (const s of g.snapshots) {
        const rowKey = `${s.name}\n${s.status}\n${s.size_mb}\n${s.created_at}\n${s.description ?? ''}\n${s.server.name}`;
        let row = rows.get(s.id);
        if (!row || row.key !== rowKey) {
          row = createRow(s, rowKey, now);
          rows.set(s.id, row);
        }
        row.seen = true;
        wantedRows.push(row.el);
      }
      reconcile(section.ul, wantedRows);
    }
    for (const [id, row] of rows) {
      if (!row.seen) rows.delete(id);
      row.seen = false;
    }
    for (const id of sections.keys()) if (!seenSections.has(id)) sections.delete(id);
    reconcile(page.groups, wantedSections);

    setText(page.updated, `Updated ${relativeTime(now, Math.floor(state.loadedAt / 1000))}`);
    const running = state.snapshots.filter((s) => s.status === 'in_progress').length;
    const title = running > 0 ? `(${running}) ${TITLE}` : TITLE;
    if (document.title !== title) document.title = title;
  }

  /** Puts exactly `wanted` in `parent`, in order, moving as few nodes as it can. */
  function reconcile(parent, wanted) {
    const keep = new Set(wanted);
    for (let c = parent.firstChild; c;) {
      const next = c.nextSibling;
      if (!keep.has(c)) parent.removeChild(c);
      c = next;
    }
    let cur = parent.firstChild;
    for (const node of wanted) {
      if (cur === node) cur = cur.nextSibling;
      else parent.insertBefore(node, cur);
    }
  }

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  const SECTION = template(
    '<section class="server-group"><header class="group-header"><div class="group-title"><h2></h2>' +
    '<span class="server-id"></span></div><div class="group-meta"><span class="count"></span>' +
    '<button class="button">New snapshot</button></div></header><ul class="snapshot-list"></ul></section>');

  function createSection(g) {
    const node = SECTION.cloneNode(true);
    node.dataset.serverId = g.id;
    node.setAttribute('aria-labelledby', `server-${g.id}-title`);
    const section = {
      el: node,
      header: node.firstChild,
      ul: node.lastChild,
      extras: [],
    };
    updateSection(section, g);
    return section;
  }

  function updateSection(section, g) {
    const title = section.header.firstChild;
    const h2 = title.firstChild;
    h2.id = `server-${g.id}-title`;
    setText(h2, g.name);
    setText(h2.nextSibling, `#${g.id}`);
    let state = title.childNodes[2];
    if (g.status) {
      if (!state) state = title.appendChild(document.createElement('span'));
      state.className = `server-state state-${g.status}`;
      setText(state, g.status === 'active' ? 'running' : g.status);
    } else if (state) {
      state.remove();
    }
    const meta = section.header.lastChild;
    const count = meta.firstChild;
    const full = g.total >= LIMIT;
    count.className = full ? 'count count-full' : 'count';
    setText(count, `${g.total} / ${LIMIT} snapshots`);
    const button = meta.lastChild;
    button.setAttribute('aria-label', `New snapshot of ${g.name}`);
    button.disabled = full;
    for (const extra of section.extras) extra.remove();
    section.extras = [];
    if (full) {
      section.extras.push(el('p', { class: 'notice notice-warn' },
        'Limit reached: this server has 5 snapshots. Delete one before taking a new one.'));
    }
    if (g.total === 0) {
      section.extras.push(el('p', { class: 'empty' }, 'No snapshots yet. Take one before your next risky change.'));
    }
    for (const extra of section.extras) section.el.insertBefore(extra, section.ul);
  }

  const ROW = template(
    '<li class="snapshot"><div class="snapshot-head"><h3 class="snapshot-name"></h3><span></span></div>' +
    '<dl class="snapshot-facts"><div><dt>Size</dt><dd class="snapshot-size"></dd></div>' +
    '<div><dt>Created</dt><dd><time></time></dd></div></dl>' +
    '<div class="snapshot-actions"><button class="button">Restore</button>' +
    '<button class="button button-danger-quiet">Delete</button></div></li>');

  function createRow(s, key, now) {
    const li = ROW.cloneNode(true);
    li.dataset.snapshotId = s.id;
    const head = li.firstChild;
    head.firstChild.textContent = s.name;
    const badge = head.lastChild;
    if (s.status === 'completed') [badge.className, badge.textContent] = ['badge badge-ok', 'Completed'];
    else if (s.status === 'in_progress') [badge.className, badge.textContent] = ['badge badge-busy', 'In progress'];
    else [badge.className, badge.textContent] = ['badge badge-other', s.status];
    const facts = head.nextSibling;
    facts.firstChild.lastChild.textContent = size(s.size_mb);
    const time = facts.lastChild.lastChild.firstChild;
    const created = s._created ?? parseTime(s.created_at);
    time.setAttribute('datetime', s.created_at);
    time.title = created === null ? s.created_at : formatUtc(created);
    time.textContent = created === null ? 'unknown time' : relativeTime(now, created);
    const actions = li.lastChild;
    if (s.description) {
      li.insertBefore(el('p', { class: 'snapshot-description' }, s.description), actions);
    }
    if (s.status === 'in_progress') {
      li.insertBefore(el('p', { class: 'snapshot-progress' },
        el('span', { class: 'elapsed' }, progressText(now - (created ?? now)))), actions);
    }
    if (s.status !== 'completed') {
      const note = s.status === 'in_progress'
        ? 'Can be restored once completed.'
        : `Cannot be restored (status: ${s.status}).`;
      actions.prepend(el('span', { class: 'note' }, note));
    }
    const [restore, del] = actions.querySelectorAll('button');
    restore.setAttribute('aria-label', `Restore ${s.server.name} from ${s.name}`);
    restore.disabled = s.status !== 'completed';
    del.setAttribute('aria-label', `Delete snapshot ${s.name} of ${s.server.name}`);
    return { key, el: li, time, created, seen: false };
  }

  // Relative times stay true: every 15 s, only texts that changed are written.
  setInterval(() => {
    if (!page || state.loadedAt === null) return;
    const now = nowSecs();
    for (const row of rows.values()) {
      if (row.created !== null) setText(row.time, relativeTime(now, row.created));
    }
    setText(page.updated, `Updated ${relativeTime(now, Math.floor(state.loadedAt / 1000))}`);
  }, 15_000);

  async function boot() {
    try {
      const res = await fetch('config.json', { cache: 'no-cache' });
      const config = await res.json();
      apiBase = String(config.api_base_url || '').replace(/\/+$/, '');
    } catch {
      // same origin
    }
    renderSignIn();
  }

  boot();
})();
