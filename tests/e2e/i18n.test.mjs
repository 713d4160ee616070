// Languages: the console speaks English, Spanish and Somali. The
// language follows the browser, can be switched in the page, and is kept for
// the tab (sessionStorage). A full flow in Spanish: sign-in, the list (decimal
// comma, relative times in Spanish), the "New snapshot" dialog, the create and
// its notices; a reload keeps Spanish; switching back restores the English text.
// Spanish and Somali are fetched (locales/<tag>.json): once, and when they
// cannot be, the console stays in English and says so.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPosts, mutations } from './support/api.mjs';
import { assertNoA11yViolations } from './support/axe.mjs';
import {
  noPanic, screenshot, textOf, withFailureScreenshot,
} from './support/browser.mjs';
import { useBrowser, useDemo } from './support/fixture.mjs';
import { dialog, group } from './support/locators.mjs';
import { waitUntil } from './support/wait.mjs';

/** The language menu, whatever language its label is in. */
function languageMenu(page) {
  return page.getByLabel(/^(Language|Idioma|Luqadda)$/);
}

function toasts(page) {
  return page.locator('.toasts');
}

/** What the page says about its language. */
function languageState(page) {
  return page.evaluate(() => ({
    htmlLang: document.documentElement.lang,
    stored: window.sessionStorage.getItem('vps.lang'),
    title: document.title,
  }));
}

describe('languages', { timeout: 180_000 }, () => {
  let demo;
  useDemo({
    args: ['--snapshot-delay-ms', '3000'],
    config: { snapshot_delay_ms: 3000 },
  }, (f) => ({ demo } = f));

  describe('in an English browser', () => {
    let page;
    useBrowser({ locale: 'en-US' }, (f) => ({ page } = f));

    it('a full flow in Spanish chosen in the page, kept over a reload, and back to English', async () => {
      await withFailureScreenshot(page, 'i18n-spanish-flow', async () => {
        await page.goto(`${demo.url}/`);
        await page.getByRole('heading', { level: 2, name: 'Sign in' }).waitFor();
        assert.equal((await languageState(page)).htmlLang, 'en', 'English first, as the browser asks');
        assert.equal((await languageState(page)).stored, null, 'nothing stored before a choice');

        // The sign-in page in Spanish.
        await languageMenu(page).selectOption('es');
        await page.getByRole('heading', { level: 2, name: 'Iniciar sesión' }).waitFor();
        await page.getByRole('heading', { level: 1, name: 'Instantáneas de VPS.org' }).waitFor();
        assert.deepEqual(await languageState(page),
          { htmlLang: 'es', stored: 'es', title: 'Instantáneas — VPS.org' },
          '<html lang>, the stored choice and the tab title follow');
        const field = page.getByLabel('Token de API');
        assert.equal(await field.getAttribute('type'), 'password');
        await page.getByRole('button', { name: 'Mostrar token' }).waitFor();
        assert.match(await textOf(page.locator('.sign-in-card .hint')), /Pegue un token de API/);
        await screenshot(page, 'i18n-sign-in-es');
        await assertNoA11yViolations(page, 'the Spanish sign-in page');

        // A wrong token is refused in Spanish.
        await field.fill('wrong-token-0000');
        await page.getByRole('button', { name: 'Iniciar sesión' }).click();
        await page.getByRole('alert').filter({ hasText: 'La API rechazó este token' }).waitFor();

        // Sign in: the list in Spanish.
        await field.fill(demo.token);
        await page.getByRole('button', { name: 'Iniciar sesión' }).click();
        await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
        await page.locator('[data-snapshot-id="801"]').waitFor();

        assert.match(await textOf(group(page, 12345)), /2 \/ 5 instantáneas/, 'the count is in Spanish');
        assert.match(await textOf(group(page, 12346)), /5 \/ 5 instantáneas/);
        assert.match(await textOf(group(page, 12346)), /Límite alcanzado/);
        const row801 = page.locator('[data-snapshot-id="801"]');
        const text801 = await textOf(row801);
        assert.equal(await textOf(row801.locator('.snapshot-size')), '5,0 GB', 'a decimal comma in Spanish');
        assert.match(await textOf(page.locator('[data-snapshot-id="798"] .snapshot-size')), /^4,7 GB$/);
        assert.match(text801, /Completada/, `the status badge is in Spanish: ${text801}`);
        assert.match(text801, /Tamaño/);
        const relative = await textOf(row801.locator('time'));
        assert.match(relative, /^(ahora mismo|hace \d+ (minutos?|horas?|días?|mes(es)?|años?))$/,
          `the relative time is in Spanish: "${relative}"`);
        assert.match(await textOf(row801.locator('.time-exact')), /^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d UTC$/,
          'the exact time reads day/month/year');
        // Raw API data is never translated: names and descriptions.
        assert.match(text801, /pre-migration-snapshot/);
        assert.match(text801, /Before major migration/);
        assert.match(await textOf(page.locator('[data-snapshot-id="830"]')), /Fallida/);
        assert.ok(await page.getByRole('button', { name: 'Restaurar web-server-01 desde pre-migration-snapshot' }).isVisible());
        assert.ok(await page.getByRole('button', { name: 'Eliminar la instantánea pre-migration-snapshot de web-server-01' }).isVisible());
        // The row's two buttons sit side by side at desktop width, even with the longer Spanish words.
        const [restoreBox, deleteBox] = await Promise.all([
          page.getByRole('button', { name: 'Restaurar web-server-01 desde pre-migration-snapshot' }).boundingBox(),
          page.getByRole('button', { name: 'Eliminar la instantánea pre-migration-snapshot de web-server-01' }).boundingBox(),
        ]);
        assert.equal(restoreBox.y, deleteBox.y, `Restaurar and Eliminar on one line: ${JSON.stringify([restoreBox, deleteBox])}`);
        await page.getByLabel('Buscar').waitFor();
        await page.getByLabel('Ordenar instantáneas').waitFor();
        assert.match(await textOf(page.locator('.toolbar')), /Actualizado (ahora mismo|hace)/);
        await screenshot(page, 'i18n-list-es');
        await assertNoA11yViolations(page, 'the Spanish list');

        // The "New snapshot" dialog in Spanish.
        await page.getByRole('button', { name: 'Nueva instantánea de web-server-01', exact: true }).click();
        const open = dialog(page);
        await open.waitFor();
        await open.getByRole('heading', { name: 'Nueva instantánea' }).waitFor();
        assert.match(await textOf(open.locator('#create-purpose')), /5 por servidor/);
        const name = open.getByLabel('Nombre', { exact: true });
        await name.fill('antes de');
        await waitUntil(async () => /No se permiten espacios\./.test(await textOf(open.locator('#create-name-error'))),
          'the name problem in Spanish');
        assert.match(await textOf(open.locator('#create-name-rule')), /Use solo letras, dígitos, guiones/);
        await open.getByLabel(/^Descripción/).fill('Antes de la migración');
        assert.match(await textOf(open), /21 \/ 500 caracteres/);
        assert.equal(await open.getByRole('combobox', { name: 'Servidor', exact: true }).inputValue(), 'web-server-01 (#12345)');
        await name.fill('antes-de-migrar');
        await screenshot(page, 'i18n-create-dialog-es');
        await open.getByRole('button', { name: 'Crear instantánea' }).click();
        await open.waitFor({ state: 'detached' });

        // The new row, the notices and the tab title, in Spanish.
        await toasts(page).filter({ hasText: 'Se está creando la instantánea «antes-de-migrar» de web-server-01.' }).waitFor();
        const row = group(page, 12345).locator('li.snapshot').filter({ hasText: 'antes-de-migrar' });
        await row.waitFor();
        assert.match(await textOf(row), /En curso/);
        assert.match(await textOf(row), /Tiempo transcurrido: < 1 min — suele tardar 3–10 min/);
        assert.doesNotMatch(await textOf(row), /may take/, 'one estimate, not the API\'s English one too');
        assert.equal(await page.title(), '(1) Instantáneas — VPS.org');
        assert.match(await textOf(group(page, 12345)), /3 \/ 5 instantáneas/);
        await toasts(page).filter({ hasText: /La instantánea «antes-de-migrar» de web-server-01 está completa \(\d+(,\d)? (MB|GB|TB)\)\./ })
          .waitFor({ timeout: 25_000 });
        await waitUntil(async () => /Completada/.test(await textOf(row)), 'the new row to complete');
        assert.match(await textOf(row.locator('.snapshot-size')), /^\d+(,\d)? (MB|GB|TB)$/);
        await waitUntil(async () => (await page.title()) === 'Instantáneas — VPS.org', 'the title to lose its count');
        const posts = await createPosts(demo);
        assert.deepEqual(JSON.parse(posts[0].body),
          { server_id: 12345, name: 'antes-de-migrar', description: 'Antes de la migración' },
          'what the user typed is sent as it is');

        // The choice survives a reload in the same tab.
        await page.reload();
        await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
        await page.locator('[data-snapshot-id="801"]').waitFor();
        assert.equal(await textOf(page.locator('[data-snapshot-id="801"] .snapshot-size')), '5,0 GB');
        assert.equal((await languageState(page)).htmlLang, 'es');
        assert.equal(await languageMenu(page).inputValue(), 'es');

        // Back to English: the English text is back, exactly.
        await languageMenu(page).selectOption('en');
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
        assert.deepEqual(await languageState(page),
          { htmlLang: 'en', stored: 'en', title: 'Snapshots — VPS.org' });
        assert.match(await textOf(group(page, 12345)), /3 \/ 5 snapshots/);
        assert.equal(await textOf(page.locator('[data-snapshot-id="801"] .snapshot-size')), '5.0 GB');
        assert.match(await textOf(page.locator('[data-snapshot-id="801"]')), /Completed/);
        assert.match(await textOf(page.locator('[data-snapshot-id="801"] time')), /^(just now|\d+ (minute|hour|day|month|year)s? ago)$/);
        await page.getByRole('button', { name: 'Restore web-server-01 from pre-migration-snapshot' }).waitFor();
        await page.getByRole('button', { name: 'New snapshot of web-server-01', exact: true }).waitFor();
        assert.equal(await page.getByText('Cerrar sesión').count(), 0, 'no Spanish left');
        noPanic(page);
      });
    });
  });

  describe('in an English browser, switching language', () => {
    let page;
    useBrowser({ locale: 'en-US' }, (f) => ({ page } = f));

    const LANGUAGES = [
      {
        lang: 'en',
        deleteButton: 'Delete snapshot weekly-snapshot-2025-01-08 of web-server-01',
        cancel: 'Cancel',
        undo: 'The delete is sent 10 s after you confirm; you can undo it until then. Once sent, it cannot be undone.',
        failed: 'Failed',
        note: 'Cannot be restored (status: failed).',
        stopped: 'stopped',
        running: 'running',
      },
      {
        lang: 'es',
        deleteButton: 'Eliminar la instantánea weekly-snapshot-2025-01-08 de web-server-01',
        cancel: 'Cancelar',
        undo: 'La eliminación se envía 10 s después de confirmar; hasta entonces puede deshacerla. Una vez enviada, no se puede deshacer.',
        failed: 'Fallida',
        note: 'No se puede restaurar (estado: fallida).',
        stopped: 'detenido',
        running: 'en ejecución',
      },
      {
        lang: 'so',
        deleteButton: 'Tirtir sawirka weekly-snapshot-2025-01-08 ee web-server-01',
        cancel: 'Baaji',
        undo: 'Tirtirka waxa la dirayaa 10 ilbiriqsi kadib markaad xaqiijiso; ilaa markaas waad ka noqon kartaa. Marka la diro, lama celin karo.',
        failed: 'Fashilmay',
        note: 'Lama soo celin karo (xaaladda: fashilmay).',
        stopped: 'joogsan',
        running: 'shaqaynaya',
      },
    ];

    it('says when a delete is sent, and every status, in each language; an unknown status stays as the API wrote it', async () => {
      await withFailureScreenshot(page, 'i18n-undo-and-statuses', async () => {
        await demo.setSnapshotStatus(820, 'archived'); // a status the API never documented
        await page.goto(`${demo.url}/`);
        await page.getByLabel('API token').fill(demo.token);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.locator('[data-snapshot-id="801"]').waitFor();
        for (const words of LANGUAGES) {
          await languageMenu(page).selectOption(words.lang);
          await page.getByRole('button', { name: words.deleteButton, exact: true }).click();
          const warning = await textOf(dialog(page).locator('#delete-warning'));
          assert.ok(warning.includes(words.undo), `${words.lang}: the undo window in “${warning}”`);
          await dialog(page).getByRole('button', { name: words.cancel, exact: true }).click();
          await dialog(page).waitFor({ state: 'detached' });

          const failed = page.locator('[data-snapshot-id="830"]');
          assert.equal(await textOf(failed.locator('.badge')), words.failed, `${words.lang}: the failed badge`);
          assert.equal(await textOf(failed.locator('.note')), words.note, `${words.lang}: why it cannot be restored`);
          assert.equal(await textOf(group(page, 12347).locator('.server-state')), words.stopped, `${words.lang}: stopped`);
          assert.equal(await textOf(group(page, 12345).locator('.server-state')), words.running, `${words.lang}: running`);
          assert.equal(await textOf(page.locator('[data-snapshot-id="820"] .badge')), 'archived',
            `${words.lang}: an unknown status as the API wrote it`);
        }
        assert.deepEqual(await mutations(demo), [], 'nothing was sent');
        noPanic(page);
      });
    });
  });

  describe('in a Spanish browser', () => {
    let page;
    useBrowser({ locale: 'es-ES' }, (f) => ({ page } = f));

    it('starts in Spanish without being asked, and stores nothing until the user chooses', async () => {
      await withFailureScreenshot(page, 'i18n-browser-es', async () => {
        await page.goto(`${demo.url}/`);
        await page.getByRole('heading', { level: 2, name: 'Iniciar sesión' }).waitFor();
        assert.deepEqual(await languageState(page),
          { htmlLang: 'es', stored: null, title: 'Instantáneas — VPS.org' });
        assert.equal(await languageMenu(page).inputValue(), 'es');

        // Somali, chosen in the page, in the same tab.
        await languageMenu(page).selectOption('so');
        await page.getByRole('heading', { level: 2, name: 'Soo gal' }).waitFor();
        assert.equal((await languageState(page)).htmlLang, 'so');
        await page.getByLabel('Calaamadda API-ga').fill(demo.token);
        await page.getByRole('button', { name: 'Soo gal' }).click();
        await page.getByRole('button', { name: 'Ka bax' }).waitFor();
        await page.locator('[data-snapshot-id="801"]').waitFor();
        assert.match(await textOf(group(page, 12345)), /2 \/ 5 sawir/);
        assert.equal(await textOf(page.locator('[data-snapshot-id="801"] .snapshot-size')), '5.0 GB');
        assert.match(await textOf(page.locator('[data-snapshot-id="801"]')), /Dhammaaday/);
        assert.match(await textOf(page.locator('[data-snapshot-id="801"] time')),
          /^(hadda|\d+ (daqiiqad|daqiiqo|saacad|saacadood|maalin|maalmood|bil|bilood|sannad|sannadood) ka hor)$/);
        await screenshot(page, 'i18n-list-so');
        await assertNoA11yViolations(page, 'the Somali list');
        noPanic(page);
      });
    });

    it('fetches the Spanish catalogue once, early, and stays in English, saying so, when it cannot', async () => {
      await withFailureScreenshot(page, 'i18n-catalogue-missing', async () => {
        // Only English is compiled in: Spanish comes from locales/es.json,
        // asked for by the bootstrap and taken by the app.
        const asked = [];
        page.on('request', (request) => {
          if (request.url().includes('/locales/')) asked.push(new URL(request.url()).pathname);
        });
        await page.goto(`${demo.url}/`);
        await page.getByRole('heading', { level: 2, name: 'Iniciar sesión' }).waitFor();
        assert.deepEqual(asked, ['/locales/es.json']);

        // Offline or missing: English, the menu on English, and one notice.
        await page.route('**/locales/**', (route) => route.fulfill({ status: 404, body: 'gone' }));
        await page.evaluate(() => window.sessionStorage.setItem('vps.lang', 'so'));
        await page.reload();
        await page.getByRole('heading', { level: 2, name: 'Sign in' }).waitFor();
        await toasts(page).getByText('Soomaali could not be loaded').waitFor();
        assert.equal((await languageState(page)).htmlLang, 'en');
        assert.equal(await languageMenu(page).inputValue(), 'en');

        // A language picked in the menu that cannot be fetched: the same.
        await languageMenu(page).selectOption('es');
        await toasts(page).getByText('Español could not be loaded').waitFor();
        assert.equal(await languageMenu(page).inputValue(), 'en');
        assert.equal((await languageState(page)).htmlLang, 'en');
        await page.getByRole('heading', { level: 2, name: 'Sign in' }).waitFor();
        noPanic(page);
      });
    });
  });
});
