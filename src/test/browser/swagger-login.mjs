// Browser test: in Swagger UI, Authorize with the identity provider (OpenID Connect, authorization
// code + PKCE, client registry-swagger), sign in as a demo officer in Keycloak's login page, then
// "Try it out" on GET /api/v1/persons and execute it. Prints the answer's status as JSON and keeps
// a screenshot. Run by SwaggerLoginBrowserTest (e2e); by hand:
//   node src/test/browser/swagger-login.mjs http://localhost:8081 target/browser/swagger-login.png
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const [base = 'http://localhost:8081', screenshot = 'target/browser/swagger-login.png'] = process.argv.slice(2);
const user = process.env.LOGIN_USER ?? 'officer-luc-ngan';
const password = process.env.LOGIN_PASSWORD ?? 'dev-only-password';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  // This machine's network is closed: without the background-networking flags Chromium keeps
  // trying Google's hosts. --no-sandbox because CI runs as root.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
page.setDefaultTimeout(30_000);
mkdirSync(dirname(screenshot), { recursive: true });
// What the browser saw go wrong, printed when the test fails.
const problems = [];
page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));

/** Opens Swagger UI's Authorize dialog until it offers the login scheme (it fetches the discovery document first). */
async function openLogin() {
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${base}/q/swagger-ui/`);
    await page.locator('button.btn.authorize').first().click();
    const login = page.locator('.auth-container').filter({ hasText: 'authorization_code with PKCE' }).first();
    try {
      await login.waitFor({ timeout: 10_000 });
      return login;
    } catch (e) {
      if (attempt === 3) throw e;
      problems.push(`attempt ${attempt}: no login scheme in the Authorize dialog; reloading`);
    }
  }
}

try {
  // The "login" scheme: Swagger UI read the realm's discovery document and offers the code flow.
  const login = await openLogin();
  const openid = login.locator('input[type=checkbox][data-value="openid"]');
  if (await openid.count() > 0 && !(await openid.isChecked())) {
    await openid.check({ force: true });
  }
  const [popup] = await Promise.all([page.waitForEvent('popup'), login.locator('button.authorize').click()]);

  // Keycloak's login page in the popup; it closes itself after the redirect back to Swagger UI.
  await popup.waitForLoadState();
  await popup.locator('#username').fill(user);
  await popup.locator('#password').fill(password);
  await Promise.all([popup.waitForEvent('close'), popup.locator('#kc-login').click()]);

  await login.locator('button[aria-label="Remove authorization"]').waitFor(); // authorized: Swagger UI holds the token
  await page.locator('.modal-ux button.close-modal').first().click();

  const op = page.locator('#operations-Persons-PersonResource_list');
  await op.locator('.opblock-summary').first().click();
  await op.locator('button.try-out__btn').click();
  await op.locator('button.execute').click();
  const status = op.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor();
  const code = (await status.innerText()).trim();
  const body = await op.locator('.live-responses-table .response-col_description pre').first().innerText();
  await op.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot, fullPage: false });
  if (problems.length) console.error(problems.join('\n'));
  console.log(JSON.stringify({ status: code, user, items: (() => { try { return JSON.parse(body).items.length; } catch { return null; } })() }));
} catch (e) {
  writeFileSync(screenshot.replace(/\.png$/, '-failed.html'), await page.content().catch(() => ''));
  for (const [i, p] of browser.contexts().flatMap((c) => c.pages()).entries()) {
    await p.screenshot({ path: screenshot.replace(/\.png$/, `-failed-${i}.png`) }).catch(() => {});
  }
  console.error(e);
  console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}
