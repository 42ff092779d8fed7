// Browser test of the officer portal (issue 12), run by PortalBrowserTest (e2e) against the
// service and a real Keycloak: the unit officer of Lục Ngạn uploads a filled XLSX with one bad row,
// sees the error at its line, uploads the mended file and submits; the Department of Bắc Giang
// sees the unit SUBMITTED on the completeness page, returns the report with a comment on a row,
// the unit submits again, the Department accepts it, then reads the statistics and the yearly
// report and downloads the workbook. axe-core checks every page (WCAG 2.1 A/AA); every page is
// kept as a screenshot. Prints what it saw as JSON.
//   node src/test/browser/portal.mjs BASE OUT_DIR SUBMISSION_ID PERIOD BAD.xlsx GOOD.xlsx NAME
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';

const [base, out, submission, period, badXlsx, goodXlsx, name] = process.argv.slice(2);
const password = 'dev-only-password';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const seen = { pages: {}, problems: [] };

/** A person at an office screen, signed in through Keycloak's login page. */
async function officer(user) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('console', (m) => m.type() === 'error' && seen.problems.push(`${user} console: ${m.text()}`));
  await page.goto(`${base}/portal`);
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.pathname.startsWith('/portal/'));
  return page;
}

/** Opens a page, times its HTML, checks it with axe and keeps a screenshot. */
async function visit(page, name, path) {
  if (path) {
    const started = Date.now();
    await page.goto(`${base}${path}`);
    seen.pages[name] = { ms: Date.now() - started };
  }
  await page.waitForLoadState('networkidle');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  seen.pages[name] = { ...seen.pages[name], serious: bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), all: axe.violations.length };
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
}

try {
  const unit = await officer('officer-luc-ngan');
  await visit(unit, 'unit-periods');
  await visit(unit, 'unit-submission', `/portal/submission?id=${submission}`);

  await unit.locator('#file').setInputFiles(badXlsx);
  await unit.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
  await unit.locator('#summary').waitFor();
  seen.badSummary = await unit.locator('#summary').innerText();
  seen.errorRows = await unit.locator('tr.row-ERROR').allInnerTexts();
  await visit(unit, 'unit-dry-run');

  await unit.locator('#file').setInputFiles(goodXlsx);
  await unit.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
  await unit.locator('#summary', { hasText: '0 có lỗi' }).waitFor();
  seen.goodSummary = await unit.locator('#summary').innerText();
  await unit.getByRole('button', { name: 'Gửi báo cáo cho Sở' }).click();
  await unit.getByText('Đã gửi', { exact: true }).waitFor();

  const province = await officer('province-bac-giang');
  await visit(province, 'province-completeness', `/portal/province?period=${period}`);
  const row = province.locator('#units tr', { hasText: '(219)' });
  seen.completenessRow = await row.innerText();
  await row.getByRole('link').click();
  await province.locator('#review').waitFor();
  await visit(province, 'province-review');
  await province.locator('#review input[type=text]').first().fill('Kiểm tra lại năm sinh');
  await province.locator('#comment').fill('Đề nghị rà soát');
  await province.getByRole('button', { name: 'Trả lại đơn vị' }).click();
  await province.locator('#state', { hasText: 'Bị trả lại' }).waitFor();

  await unit.goto(`${base}/portal/submission?id=${submission}`);
  seen.unitSeesComment = await unit.getByText('Đề nghị rà soát').count();
  await unit.getByRole('button', { name: 'Gửi báo cáo cho Sở' }).click();
  await unit.getByText('Đã gửi', { exact: true }).waitFor();

  await province.reload();
  await province.getByRole('button', { name: 'Duyệt báo cáo' }).click();
  await province.locator('#state', { hasText: 'Đã duyệt' }).waitFor();
  seen.finalState = await province.locator('#state').innerText();

  await visit(province, 'records-search', '/portal/records');
  await province.locator('#q').fill(name);
  await province.getByRole('button', { name: 'Tìm' }).click();
  await province.locator('#results').waitFor();
  await visit(province, 'records-results');
  await province.locator('main table a').first().click();
  await province.locator('#history').waitFor();
  await visit(province, 'record');
  seen.recordOpened = await province.locator('h1').innerText();

  await visit(province, 'province-statistics', `/portal/province/statistics?period=${period}`);
  seen.statisticsCharts = await province.locator('main section h2').count();
  seen.statisticsTables = await province.locator('main section table caption').count();
  await visit(province, 'province-yearly', `/portal/province/yearly?year=${period.substring(0, 4)}`);
  const [download] = await Promise.all([province.waitForEvent('download'), province.locator('#xlsx').click()]);
  await download.saveAs(`${out}/yearly.xlsx`);

  await province.getByRole('button', { name: 'English' }).click();
  await province.getByRole('heading', { name: /Yearly report/ }).waitFor();
  await visit(province, 'province-yearly-en');

  await province.getByRole('button', { name: 'Sign out' }).click();
  await province.locator('#username').waitFor();
  seen.signedOut = true;
} catch (e) {
  seen.error = String(e.stack ?? e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
