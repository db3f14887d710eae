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
    const download = page.getByRole('link', { name: /Download all 1 errors/ });
    const report = await fetch(`${e2e().url}${await download.getAttribute('href')}`);
    expect((await report.text()).split('\r\n')).toHaveLength(3);

    await page.getByRole('button', { name: 'Import the 12 valid rows' }).click();
    await jobPanel(page, 'succeeded').waitFor({ timeout: 30_000 });
    expect(await count(page, 'inserted').textContent()).toBe('5');
    expect(await orderCount()).toBe(19 + 5);
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
});
