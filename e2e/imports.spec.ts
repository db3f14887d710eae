// The Imports page as a merchant uses it: upload the real Shopify export, read the check, import,
// reload and still see the result; then a file with a bad row, its errors, and "import the valid rows".
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../server/src/env.js';
import { sampleOrders } from '../server/src/imports/writers/sample-orders.js';
import {
  SHOPIFY_ORDERS_HEADER,
  shopifyOrdersCsv,
} from '../server/src/imports/writers/shopify-orders-writer.js';
import { type BrowserTab, openTab, saveScreenshot } from './support/browser.js';
import { useE2eApp } from './support/e2e-app.js';

const e2e = useE2eApp();
const REAL_EXPORT = path.join(
  REPO_ROOT,
  '..',
  'shared',
  'data',
  'shopify',
  'orders_export_devstore_79col.csv',
);

const count = (page: Page, key: string) => page.locator(`[data-count="${key}"] dd`);
const jobPanel = (page: Page, status: string) => page.locator(`[data-import-status="${status}"]`);

async function orderCount(): Promise<number> {
  const { rows } = await e2e().db.pool.query(
    `SELECT count(*)::int AS n FROM orders o JOIN shops s ON s.id = o.shop_id WHERE s.slug = 'devstore'`,
  );
  return rows[0].n;
}

async function uploadAndWaitForCheck(page: Page, file: string): Promise<void> {
  await page.locator('input[name="file"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await jobPanel(page, 'validated').waitFor({ timeout: 30_000 });
}

describe('imports page', () => {
  let tab: BrowserTab;

  beforeAll(async () => {
    await e2e().db.pool.query(
      `INSERT INTO shops (slug, name, platform, currency, time_zone) VALUES ('devstore', 'Dev store', 'shopify', 'EUR', 'America/Toronto')`,
    );
    tab = await openTab(e2e().browser, { locale: 'en-US' });
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  it('checks the real Shopify export, imports it on confirmation, and shows the result after a reload', async () => {
    const { page } = tab;
    await page.goto(`${e2e().url}/shops/devstore/imports`);
    await uploadAndWaitForCheck(page, REAL_EXPORT);
    expect(await count(page, 'read').textContent()).toBe('40');
    expect(await count(page, 'inserted').textContent()).toBe('19');
    expect(await orderCount()).toBe(0);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await jobPanel(page, 'succeeded').waitFor({ timeout: 30_000 });
    expect(await orderCount()).toBe(19);

    await page.reload();
    await jobPanel(page, 'succeeded').waitFor();
    expect(await count(page, 'inserted').textContent()).toBe('19');
    expect(await page.locator('[data-part="import-history"] tbody tr').count()).toBe(1);
    await saveScreenshot(page, 'imports-succeeded');
  });

  it('lists a bad row with line, column and reason, offers the CSV, and imports only the valid rows', async () => {
    const { page } = tab;
    const orders = [...sampleOrders({ count: 6, startAt: new Date('2026-11-10T16:00:00Z'), prefix: '#E' })];
    const lines = shopifyOrdersCsv(orders, 'EUR').split('\n');
    const cells = lines[1]!.split(',');
    cells[SHOPIFY_ORDERS_HEADER.indexOf('Lineitem price')] = '12.5O';
    lines[1] = cells.join(',');
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'zhanggui-e2e-')), 'faulty-orders.csv');
    await writeFile(file, lines.join('\n'));

    await uploadAndWaitForCheck(page, file);
    const firstError = page.locator('[data-part="row-errors"] tbody tr').first();
    expect(await firstError.locator('td').allTextContents()).toEqual([
      '2',
      'Lineitem price',
      '12.5O',
      'Lineitem price "12.5O" is not an amount; write it like 1659.95',
    ]);
    const download = page.getByRole('link', { name: 'Download the error (CSV)' });
    const report = await fetch(`${e2e().url}${await download.getAttribute('href')}`);
    expect((await report.text()).split('\r\n')).toHaveLength(3);

    await page.getByRole('button', { name: 'Import the 12 valid rows' }).click();
    await jobPanel(page, 'succeeded').waitFor({ timeout: 30_000 });
    expect(await count(page, 'inserted').textContent()).toBe('5');
    expect(await orderCount()).toBe(19 + 5);
  });

  it('cancels a long check from its progress bar, and says that nothing was imported', async () => {
    const { page } = tab;
    const orders = sampleOrders({ count: 120_000, startAt: new Date('2026-11-01T00:00:00Z'), prefix: '#L' });
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'zhanggui-e2e-')), 'long-orders.csv');
    await writeFile(file, shopifyOrdersCsv([...orders], 'EUR'));
    const before = await orderCount();

    await page.locator('input[name="file"]').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await jobPanel(page, 'running').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await jobPanel(page, 'cancelled').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-import-status="cancelled"] p').nth(1).textContent()).toMatch(
      /^Cancelled after [\d,]+ rows: nothing from this file was imported\.$/,
    );
    expect(await count(page, 'inserted').textContent()).toBe('0');
    expect(await orderCount()).toBe(before);
  });

  it('maps the columns of a generic traffic CSV in Chinese and imports its hours', async () => {
    const { page } = tab;
    const csv = [
      '时间,渠道,visitors,浏览量',
      '2026-11-11 20:00,搜索,1200,3400',
      '2026-11-11 21:00,广告,900,1500',
    ].join('\n');
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'zhanggui-e2e-')), 'traffic.csv');
    await writeFile(file, csv);
    await page.getByRole('button', { name: '中文' }).click();
    await page.locator('input[name="file"]').setInputFiles(file);
    await page.locator('select[name="format"]').selectOption('generic');
    await page.locator('select[name="target"]').selectOption('traffic-hourly');
    await expect.poll(() => page.locator('select[name="column-visitors"]').inputValue()).toBe('visitors');
    await page.locator('select[name="column-hour"]').selectOption('时间');
    await page.locator('select[name="column-source"]').selectOption('渠道');
    await page.locator('select[name="column-pageViews"]').selectOption('浏览量');
    await page.getByRole('button', { name: '上传并检查' }).click();
    await jobPanel(page, 'validated').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await jobPanel(page, 'succeeded').waitFor({ timeout: 30_000 });
    expect(await count(page, 'inserted').textContent()).toBe('2');
    const { rows } = await e2e().db.pool.query(
      `SELECT t.hour, t.source, t.visitors FROM traffic_hourly t JOIN shops s ON s.id = t.shop_id
       WHERE s.slug = 'devstore' ORDER BY t.hour`,
    );
    expect(rows).toEqual([
      { hour: new Date('2026-11-12T01:00:00Z'), source: 'search', visitors: 1200 },
      { hour: new Date('2026-11-12T02:00:00Z'), source: 'ads', visitors: 900 },
    ]);
    await saveScreenshot(page, 'imports-mapping-zh');
  });

  it('says in Chinese why a workbook is not a CSV, and why a row is rejected', async () => {
    const { page } = tab;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'zhanggui-e2e-'));
    const workbook = path.join(dir, 'orders.xlsx');
    await writeFile(workbook, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(2000, 7)]));
    await page.locator('input[name="file"]').setInputFiles(workbook);
    await page.locator('select[name="format"]').selectOption('auto');
    await page.getByRole('button', { name: '上传并检查' }).click();
    await jobPanel(page, 'failed').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-import-status="failed"] [role="alert"]').textContent()).toMatch(
      /^这是 Excel 工作簿（\.xlsx）或 ZIP 压缩包，不是 CSV 文件。/,
    );
    expect(await page.locator('[data-part="row-errors"]').count()).toBe(0);

    const orders = [...sampleOrders({ count: 2, startAt: new Date('2026-11-12T16:00:00Z'), prefix: '#Z' })];
    const lines = shopifyOrdersCsv(orders, 'EUR').split('\n');
    const cells = lines[1]!.split(',');
    cells[SHOPIFY_ORDERS_HEADER.indexOf('Lineitem quantity')] = '两';
    lines[1] = cells.join(',');
    const faulty = path.join(dir, 'faulty-zh.csv');
    await writeFile(faulty, lines.join('\n'));
    await page.locator('input[name="file"]').setInputFiles(faulty);
    await page.getByRole('button', { name: '上传并检查' }).click();
    await jobPanel(page, 'validated').waitFor({ timeout: 30_000 });
    const firstError = page.locator('[data-part="row-errors"] tbody tr').first();
    expect((await firstError.locator('td').allTextContents())[3]).toBe('Lineitem quantity：“两”不是整数');
    await saveScreenshot(page, 'imports-row-error-zh');
  });
});

describe('creating a shop from the Imports page', () => {
  let tab: BrowserTab;

  const shopOrderCount = async (slug: string) => {
    const { rows } = await e2e().db.pool.query(
      `SELECT count(*)::int AS n FROM orders o JOIN shops s ON s.id = o.shop_id WHERE s.slug = $1`,
      [slug],
    );
    return rows[0].n as number;
  };

  beforeAll(async () => {
    await e2e().db.pool.query(
      `INSERT INTO shops (slug, name, platform, currency, time_zone) VALUES ('cn-shop', 'CN shop', 'shopify', 'CNY', 'Asia/Shanghai')`,
    );
    tab = await openTab(e2e().browser, { locale: 'en-US' });
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  it('turns a EUR file refused by a CNY shop into a new EUR shop, and imports the file there', async () => {
    const { page } = tab;
    await page.goto(`${e2e().url}/shops/cn-shop/imports`);
    await uploadAndWaitForCheck(page, REAL_EXPORT);
    const refusal = page.locator('[data-part="no-valid-rows"]');
    expect(await refusal.locator('p').textContent()).toBe(
      'None of the 40 rows can be imported: the file is in EUR and this shop keeps another currency. Import it into a EUR shop.',
    );
    expect(await page.getByRole('button', { name: /Import the 0/ }).count()).toBe(0);
    await saveScreenshot(page, 'imports-no-valid-rows');

    await page.getByRole('button', { name: 'Create a EUR shop for this file' }).click();
    const form = page.locator('[data-part="new-shop"]');
    await form.waitFor();
    expect(await page.getByRole('button', { name: 'Create a EUR shop for this file' }).count()).toBe(0);
    expect(await form.locator('select[name="currency"]').inputValue()).toBe('EUR');
    expect(await form.locator('select[name="platform"]').inputValue()).toBe('shopify');
    await form.locator('input[name="name"]').fill('Berlin Store');
    expect(await form.locator('input[name="slug"]').inputValue()).toBe('berlin-store');
    await form.locator('input[name="timeZone"]').fill('Mars/Olympus');
    await form.getByRole('button', { name: 'Create shop' }).click();
    expect(await form.locator('#new-shop-timeZone-problem').textContent()).toMatch(/^Use an IANA time zone/);
    await form.locator('input[name="timeZone"]').fill('Europe/Berlin');
    await saveScreenshot(page, 'imports-new-shop-form');
    await form.getByRole('button', { name: 'Create shop' }).click();

    await page.waitForURL(/\/shops\/berlin-store\/imports\?created=1$/);
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toBe(
      'Shop “Berlin Store” is ready (EUR, Europe/Berlin). Upload a file to import into it.',
    );
    const switcher = page.getByRole('combobox', { name: 'Shop' });
    expect(await switcher.inputValue()).toBe('berlin-store');
    expect(await switcher.locator('option').allTextContents()).toContain('Berlin Store');

    await uploadAndWaitForCheck(page, REAL_EXPORT);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await jobPanel(page, 'succeeded').waitFor({ timeout: 30_000 });
    expect(await count(page, 'inserted').textContent()).toBe('19');
    expect(await shopOrderCount('berlin-store')).toBe(19);
    expect(await shopOrderCount('cn-shop')).toBe(0);
    await saveScreenshot(page, 'imports-new-shop-imported');
    expect(tab.pageErrors).toEqual([]);
  });

  it('opens the form from the shop switcher and refuses a taken address, naming it', async () => {
    const { page } = tab;
    await page.getByRole('combobox', { name: 'Shop' }).selectOption('+new-shop');
    await page.waitForURL(/\/shops\/berlin-store\/imports\?newShop=1$/);
    const form = page.locator('[data-part="new-shop"]');
    await form.locator('input[name="name"]').fill('Berlin Store');
    await form.locator('select[name="currency"]').selectOption('USD');
    await form.locator('input[name="timeZone"]').fill('Europe/Berlin');
    await form.getByRole('button', { name: 'Create shop' }).click();
    const panel = form.locator('[data-error-panel]');
    await panel.waitFor();
    expect(await panel.locator('p').first().textContent()).toBe('The address “berlin-store” is taken');
    expect(await panel.textContent()).toContain(
      'taken by the shop "Berlin Store" (shopify, EUR, Europe/Berlin)',
    );
    const { rows } = await e2e().db.pool.query(`SELECT currency FROM shops WHERE slug = 'berlin-store'`);
    expect(rows).toEqual([{ currency: 'EUR' }]);
  });
});
