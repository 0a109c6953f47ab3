// End-to-end checks of the web console against a running `candor demo` server at CANDOR_URL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { kBaseUrl, kShotDir, openBrowser, screenshot } from './browser.mjs';

const kPassword = 'candor-demo-2026';
const kAllNav = ['dashboard', 'jobs', 'candidates', 'interviews', 'reports', 'offers', 'payroll', 'users', 'api-keys', 'audit'];
// A test id that only the page's own content carries.
const kContent = {
  dashboard: 'dashboard', jobs: 'module-pending-jobs', candidates: 'module-pending-candidates',
  interviews: 'module-pending-interviews', reports: 'module-pending-reports', offers: 'module-pending-offers',
  payroll: 'module-pending-payroll', users: 'users-table', 'api-keys': 'api-keys-table', audit: 'audit-table',
};
const kRoutePath = {
  dashboard: '/', jobs: '/jobs', candidates: '/candidates', interviews: '/interviews', reports: '/reports',
  offers: '/offers', payroll: '/payroll', users: '/users', 'api-keys': '/api-keys', audit: '/audit',
};

// What each demo account must see in the menu, from the role → permission table in the contract.
const kAccounts = [
  { role: 'owner', email: 'owner@demo.example', nav: kAllNav },
  { role: 'recruiter', email: 'recruiter@demo.example', nav: ['dashboard', 'jobs', 'candidates', 'interviews', 'reports', 'offers'] },
  { role: 'hiring_manager', email: 'manager@demo.example', nav: ['dashboard', 'jobs', 'candidates', 'interviews', 'reports'] },
  { role: 'interviewer', email: 'interviewer@demo.example', nav: ['dashboard', 'interviews', 'reports'] },
  { role: 'finance', email: 'finance@demo.example', nav: ['dashboard', 'offers', 'payroll'] },
  { role: 'integration', email: 'integration@demo.example', nav: ['dashboard', 'jobs', 'candidates'] },
];

const url = (path) => `${kBaseUrl}${path}`;
const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

async function fillLogin(page, { tenant = 'demo', email, password }) {
  await byTestId(page, 'login-tenant').fill(tenant);
  await byTestId(page, 'login-email').fill(email);
  await byTestId(page, 'login-password').fill(password);
}

async function login(page, email, password = kPassword) {
  await page.goto(url('/login'));
  await fillLogin(page, { email, password });
  await byTestId(page, 'login-submit').click();
  await byTestId(page, 'nav-dashboard').waitFor();
}

async function visibleNav(page) {
  const ids = await page.locator('[data-testid^="nav-"]').evaluateAll((nodes) =>
    nodes.filter((node) => node.getClientRects().length > 0).map((node) => node.getAttribute('data-testid')),
  );
  return ids.map((id) => id.slice('nav-'.length));
}

/// Changes the address the way a typed-in link inside the app would, without reloading.
async function openInApp(page, path) {
  await page.evaluate((target) => {
    window.history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function waitForPath(page, path) {
  await page.waitForURL((current) => current.pathname === path);
}

/// Runs `body` with a fresh browser and fails on any uncaught page exception.
async function withBrowser(body, options) {
  const session = await openBrowser(options);
  try {
    await body(session);
    assert.deepEqual(session.pageErrors.map(String), [], 'uncaught errors in the page');
  } finally {
    await session.close();
  }
}

describe('Candor web console', { timeout: 180_000 }, () => {
  before(() => {
    assert.ok(kBaseUrl, 'set CANDOR_URL to the server under test, e.g. http://127.0.0.1:18080');
    console.log(`screenshots: ${kShotDir}`);
  });
  after(() => console.log(`screenshots saved in ${kShotDir}`));

  test('an anonymous visitor is sent to the login page', async () => {
    await withBrowser(async ({ page }) => {
      await page.goto(url('/audit'));
      await waitForPath(page, '/login');
      await byTestId(page, 'login-submit').waitFor();
      assert.equal(await byTestId(page, 'nav-dashboard').count(), 0);
    });
  });

  for (const account of kAccounts) {
    test(`${account.role} sees exactly the menu its permissions allow`, async () => {
      await withBrowser(async ({ page }) => {
        await login(page, account.email);
        assert.deepEqual((await visibleNav(page)).sort(), [...account.nav].sort());
        const roleTag = (await byTestId(page, 'role-tag').innerText()).trim();
        assert.ok(roleTag.length > 0, 'the header shows the role');
        await byTestId(page, 'dashboard').waitFor();
        console.log(`${account.role}: ${await screenshot(page, account.role)}`);

        // Every permitted page shows its content ...
        for (const key of account.nav) {
          await byTestId(page, `nav-${key}`).click();
          await waitForPath(page, kRoutePath[key]);
          await byTestId(page, kContent[key]).waitFor();
          assert.equal(await byTestId(page, 'forbidden').count(), 0, `${account.role} may open ${key}`);
        }
        // ... and every other one, opened by address, shows the 403 page instead. The first is
        // loaded from the server (deep link); the rest are switched in-app to keep the test quick.
        const forbidden = kAllNav.filter((k) => !account.nav.includes(k));
        for (const [index, key] of forbidden.entries()) {
          if (index === 0) await page.goto(url(kRoutePath[key]));
          else await openInApp(page, kRoutePath[key]);
          await waitForPath(page, kRoutePath[key]);
          await byTestId(page, 'forbidden').waitFor();
          assert.equal(await byTestId(page, kContent[key]).count(), 0, `${account.role} must not see ${key}`);
        }
      });
    });
  }

  test('a recruiter opening /users gets the 403 page, not the user list', async () => {
    await withBrowser(async ({ page }) => {
      await login(page, 'recruiter@demo.example');
      await page.goto(url('/users'));
      await byTestId(page, 'forbidden').waitFor();
      assert.equal(await byTestId(page, 'users-table').count(), 0);
      assert.equal(await byTestId(page, 'nav-users').count(), 0);
      console.log(`recruiter on /users: ${await screenshot(page, 'recruiter-403')}`);
    });
  });

  test('a wrong password shows the server message in the UI language', async () => {
    await withBrowser(async ({ page }) => {
      await page.goto(url('/login'));
      // Client-side validation stops an empty form before any request.
      await byTestId(page, 'login-email').fill('not-an-email');
      await byTestId(page, 'login-submit').click();
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      assert.equal(await byTestId(page, 'login-error').count(), 0);

      for (const [language, label] of [['en-US', null], ['zh-CN', '中文']]) {
        if (label) await byTestId(page, 'lang-switch').getByText(label, { exact: true }).click();
        await fillLogin(page, { email: 'interviewer@demo.example', password: 'definitely-wrong-password' });
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
          byTestId(page, 'login-submit').click(),
        ]);
        assert.equal(response.request().headers()['accept-language'], language);
        assert.equal(response.status(), 401);
        const problem = await response.json();
        assert.equal(problem.code, 'auth.invalid_credentials');
        assert.ok(problem.detail, 'the server sends a detail');
        const alert = byTestId(page, 'login-error');
        await alert.waitFor();
        assert.ok((await alert.innerText()).includes(problem.detail), `the page shows "${problem.detail}"`);
        assert.equal(new URL(page.url()).pathname, '/login');
        console.log(`wrong password (${language}): ${await screenshot(page, `login-error-${language}`)}`);
      }
    });
  });

  test('switching to 中文 translates the console and is remembered', async () => {
    await withBrowser(async ({ page }) => {
      await login(page, 'owner@demo.example');
      assert.equal((await byTestId(page, 'nav-dashboard').innerText()).trim(), 'Dashboard');
      assert.equal((await byTestId(page, 'logout').innerText()).trim(), 'Log out');

      await byTestId(page, 'lang-switch').getByText('中文', { exact: true }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      assert.equal((await byTestId(page, 'nav-dashboard').innerText()).trim(), '工作台');
      assert.equal((await byTestId(page, 'nav-users').innerText()).trim(), '用户');
      assert.match(await byTestId(page, 'logout').innerText(), /退出登录/);

      await page.reload();
      await byTestId(page, 'nav-dashboard').waitFor();
      assert.equal((await byTestId(page, 'nav-dashboard').innerText()).trim(), '工作台');
      // API calls now ask for Chinese server messages.
      const [request] = await Promise.all([
        page.waitForRequest((r) => r.url().includes('/api/v1/users')),
        byTestId(page, 'nav-users').click(),
      ]);
      assert.equal(request.headers()['accept-language'], 'zh-CN');
      await byTestId(page, 'users-table').locator('.ant-table-row').first().waitFor();
      await page.waitForTimeout(400); // let the table's fade-in finish before the screenshot
      console.log(`owner (中文): ${await screenshot(page, 'owner-zh-CN')}`);
    });
  });

  test('the owner creates a user through the modal and sees it in the table', async () => {
    await withBrowser(async ({ page }) => {
      const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
      const email = `e2e-${stamp}@demo.example`;
      await login(page, 'owner@demo.example');
      await byTestId(page, 'nav-users').click();
      await byTestId(page, 'users-table').waitFor();
      await byTestId(page, 'create-user').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();

      // A short password is refused before anything is sent.
      let posted = false;
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/v1/users')) posted = true;
      });
      await byTestId(page, 'new-user-email').fill('not-an-email');
      await byTestId(page, 'new-user-password').fill('short');
      await byTestId(page, 'create-user-submit').click();
      await dialog.getByText('This is not a valid e-mail address.').waitFor();
      await dialog.getByText('The password must be at least 12 characters long.').waitFor();
      assert.equal(posted, false, 'no request with invalid input');

      await byTestId(page, 'new-user-email').fill(email);
      await byTestId(page, 'new-user-name').fill(`E2E ${stamp}`);
      await dialog.getByLabel('Role').click();
      await page.locator('.ant-select-item-option').filter({ hasText: 'Interviewer' }).click();
      await byTestId(page, 'new-user-password').fill('a-long-enough-password-2026');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/users')),
        byTestId(page, 'create-user-submit').click(),
      ]);
      assert.equal(response.status(), 201);
      assert.ok(response.request().headers()['x-csrf-token'], 'state-changing calls carry the CSRF token');
      await dialog.waitFor({ state: 'hidden' });
      await byTestId(page, 'users-table').getByText(email).waitFor();

      // It is really stored: still there after a reload (following "load more" if needed).
      await page.reload();
      await byTestId(page, 'users-table').locator('.ant-table-row').first().waitFor();
      const row = byTestId(page, 'users-table').getByText(email);
      while ((await row.count()) === 0 && (await byTestId(page, 'load-more').count()) > 0) {
        await byTestId(page, 'load-more').click();
        await page.waitForLoadState('networkidle');
      }
      await row.waitFor();
      await page.waitForTimeout(400);
      console.log(`owner users: ${await screenshot(page, 'owner-users')}`);

      // The same e-mail again is refused by the server, and the message lands on the field.
      await byTestId(page, 'create-user').click();
      await byTestId(page, 'new-user-email').fill(email);
      await byTestId(page, 'new-user-name').fill('Duplicate');
      await dialog.getByLabel('Role').click();
      await page.locator('.ant-select-item-option').filter({ hasText: 'Interviewer' }).click();
      await byTestId(page, 'new-user-password').fill('a-long-enough-password-2026');
      const [conflict] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/users')),
        byTestId(page, 'create-user-submit').click(),
      ]);
      assert.equal(conflict.status(), 409);
      const problem = await conflict.json();
      await dialog.getByText(problem.detail).waitFor();
    });
  });

  test('the owner creates an API key, sees its secret once, and revokes it', async () => {
    await withBrowser(async ({ page }) => {
      const name = `e2e key ${Date.now()}`;
      await login(page, 'owner@demo.example');
      await byTestId(page, 'nav-api-keys').click();
      await byTestId(page, 'api-keys-table').waitFor();
      await byTestId(page, 'create-api-key').click();
      await byTestId(page, 'new-api-key-name').fill(name);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/api-keys')),
        page.getByRole('button', { name: 'Create key' }).click(),
      ]);
      assert.equal(response.status(), 201);
      const created = await response.json();
      assert.equal((await byTestId(page, 'api-key-secret').innerText()).trim(), created.secret);
      await byTestId(page, 'new-api-key-name').waitFor({ state: 'hidden' });
      await page.waitForTimeout(400); // let the modal animations settle before the screenshot
      console.log(`owner api key: ${await screenshot(page, 'owner-api-key-secret')}`);
      await byTestId(page, 'api-key-secret-done').click();
      await byTestId(page, 'api-key-secret').waitFor({ state: 'hidden' });
      // The secret is never shown again.
      assert.equal(await page.getByText(created.secret).count(), 0);

      const row = byTestId(page, 'api-keys-table').locator('.ant-table-row').filter({ hasText: name });
      await row.waitFor();
      await byTestId(page, `revoke-${created.id}`).click();
      const [revoked] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes(`/api/v1/api-keys/`)),
        page.locator('.ant-popconfirm').getByRole('button', { name: 'Revoke' }).click(),
      ]);
      assert.equal(revoked.status(), 204);
      await row.getByText('Revoked').waitFor();
    });
  });

  test('the owner verifies the audit chain', async () => {
    await withBrowser(async ({ page }) => {
      await login(page, 'owner@demo.example');
      await byTestId(page, 'nav-audit').click();
      // The owner's own logins are audited, so the log is never empty here.
      await byTestId(page, 'audit-table').locator('.ant-table-row').first().waitFor();
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/audit/verify')),
        byTestId(page, 'audit-verify').click(),
      ]);
      const result = await response.json();
      const text = await byTestId(page, 'audit-verify-result').innerText();
      assert.ok(text.includes(String(result.checked)), `the result names the ${result.checked} entries checked`);
      assert.equal(result.ok, true, 'a fresh demo server has an intact chain');
      console.log(`owner audit: ${await screenshot(page, 'owner-audit')}`);
    });
  });

  test('logout returns to /login and the session is gone', async () => {
    await withBrowser(async ({ page }) => {
      await login(page, 'finance@demo.example');
      await byTestId(page, 'logout').click();
      await waitForPath(page, '/login');
      await byTestId(page, 'login-submit').waitFor();

      await page.goto(url('/payroll'));
      await waitForPath(page, '/login');
      // Signing in again goes back to the page that was asked for.
      await fillLogin(page, { email: 'finance@demo.example', password: kPassword });
      await byTestId(page, 'login-submit').click();
      await waitForPath(page, '/payroll');
      await byTestId(page, 'nav-payroll').waitFor();
    });
  });

  test('a 401 from any call sends the user to /login', async () => {
    await withBrowser(async ({ page, context }) => {
      await login(page, 'owner@demo.example');
      await context.clearCookies();
      await byTestId(page, 'nav-audit').click();
      await waitForPath(page, '/login');
      await byTestId(page, 'login-submit').waitFor();
    });
  });
});
