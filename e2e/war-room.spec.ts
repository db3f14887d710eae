// The war room as a shop owner sees it: numbers on the cards equal a direct SQL count of raw orders,
// the language switch, the phase chips and a wrongly typed range.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatPercent, RATE_FRACTION_DIGITS } from '../client/src/lib/format.js';
import type { DateRange } from '../shared/src/index.js';
import { type BrowserTab, openTab, saveScreenshot } from './support/browser.js';
import { useE2eApp } from './support/e2e-app.js';
import { promotionDays, rangeTruth, type ShopFacts, shopFacts } from './support/shop-truth.js';

const e2e = useE2eApp({
  shops: [{ slug: 'demo', name: '掌柜演示店 Zhanggui Demo', scale: 'tiny', seed: 7 }],
});

const kpiValue = (page: Page, kpi: string) => page.locator(`[data-kpi="${kpi}"] [data-part="value"]`);
const kpiLabel = (page: Page, kpi: string) => page.locator(`[data-kpi="${kpi}"] h3`);
const rangeInput = (page: Page, name: 'from' | 'to') => page.locator(`input[name="${name}"]`);

/** Waits until no KPI card is dimmed as "updating", so the numbers on screen are for the range shown. */
async function settled(page: Page): Promise<void> {
  await page.locator('[data-kpi="gmvCents"]').waitFor();
  await page.waitForFunction("document.querySelectorAll('[data-kpi][data-updating]').length === 0");
}

/** The three headline cards exactly as the UI prints the SQL truth in `locale`. */
async function expectCardsToMatchSql(page: Page, shop: ShopFacts, range: DateRange, locale: string) {
  const truth = await rangeTruth(e2e().db, shop, range);
  expect(truth.orders).toBeGreaterThan(0);
  await expect
    .poll(() => kpiValue(page, 'gmvCents').textContent())
    .toBe(formatMoney(truth.gmvCents, shop.currency, locale));
  expect(await kpiValue(page, 'orders').textContent()).toBe(formatCount(truth.orders, locale));
  expect(await kpiValue(page, 'visitors').textContent()).toBe(formatCount(truth.visitors, locale));
  expect(await kpiValue(page, 'conversionRate').textContent()).toBe(
    formatPercent(truth.conversionRate, locale, RATE_FRACTION_DIGITS),
  );
  return truth;
}

describe('war room', () => {
  let tab: BrowserTab;
  let shop: ShopFacts;
  let days: Record<string, DateRange>;

  beforeAll(async () => {
    shop = await shopFacts(e2e().db, 'demo');
    days = await promotionDays(e2e().db, shop);
    tab = await openTab(e2e().browser, { locale: 'en-US' });
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  it('opens the shop on the whole promotion, with GMV, orders and conversion equal to SQL on raw orders', async () => {
    const { page } = tab;
    await page.goto(`${e2e().url}/`);
    await page.waitForURL(/\/shops\/demo\/war-room/);
    await settled(page);

    expect(await rangeInput(page, 'from').inputValue()).toBe(days.all!.from);
    expect(await rangeInput(page, 'to').inputValue()).toBe(days.all!.to);
    expect(await kpiLabel(page, 'gmvCents').textContent()).toBe('GMV');
    expect(await page.locator('[data-part="time-zone"]').textContent()).toContain('Asia/Shanghai');
    const truth = await expectCardsToMatchSql(page, shop, days.all!, 'en-US');
    expect(truth.visitors).toBeGreaterThan(truth.orders);
    await page.locator('[data-chart] svg.recharts-surface').waitFor();
    await saveScreenshot(page, 'war-room-en');
    expect(tab.pageErrors).toEqual([]);
  });

  it('switches to Chinese labels and Chinese number formats, and remembers the choice', async () => {
    const { page } = tab;
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => kpiLabel(page, 'gmvCents').textContent()).toBe('成交额');
    expect(await kpiLabel(page, 'orders').textContent()).toBe('支付订单数');
    expect(await page.getByRole('link', { name: '作战室' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expectCardsToMatchSql(page, shop, days.all!, 'zh-CN');

    await page.reload();
    await settled(page);
    expect(await kpiLabel(page, 'gmvCents').textContent()).toBe('成交额');
    await page.locator('[data-chart] svg.recharts-surface').waitFor();
    await saveScreenshot(page, 'war-room-zh');
    expect(tab.pageErrors).toEqual([]);
  });

  it('narrows the range and the numbers to the peak phase when its chip is clicked', async () => {
    const { page } = tab;
    const wholePromotionGmv = await kpiValue(page, 'gmvCents').textContent();
    await page.locator('button[data-phase="peak"]').click();
    await expect.poll(() => rangeInput(page, 'from').inputValue()).toBe(days.peak!.from);
    expect(await rangeInput(page, 'to').inputValue()).toBe(days.peak!.to);
    expect(await page.locator('button[data-phase="peak"]').getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).searchParams.get('from')).toBe(days.peak!.from);
    await settled(page);

    await expectCardsToMatchSql(page, shop, days.peak!, 'zh-CN');
    expect(await kpiValue(page, 'gmvCents').textContent()).not.toBe(wholePromotionGmv);
    await saveScreenshot(page, 'war-room-peak-zh');
    expect(tab.pageErrors).toEqual([]);
  });

  it('explains an inverted range under the inputs and keeps the last valid numbers', async () => {
    const { page } = tab;
    const peakGmv = await kpiValue(page, 'gmvCents').textContent();
    const dayAfterPeak = new Date(Date.parse(`${days.peak!.to}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await rangeInput(page, 'from').fill(dayAfterPeak);

    const problem = page.locator('[data-range-problem]');
    await problem.waitFor();
    expect(await problem.getAttribute('data-range-problem')).toBe('inverted');
    expect(await problem.textContent()).toBe(
      `开始日期（${dayAfterPeak}）晚于结束日期（${days.peak!.to}）：请选择不晚于结束日期的开始日期。`,
    );
    expect(await rangeInput(page, 'from').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).searchParams.get('from')).toBe(days.peak!.from);
    expect(await kpiValue(page, 'gmvCents').textContent()).toBe(peakGmv);
    await saveScreenshot(page, 'war-room-inverted-zh');

    await rangeInput(page, 'from').fill(days.peak!.from);
    await problem.waitFor({ state: 'detached' });
    expect(tab.pageErrors).toEqual([]);
  });

  it('shows an honest coming-soon panel for an area that is not built yet', async () => {
    const { page } = tab;
    await page.getByRole('link', { name: /库存管理/ }).click();
    await page.waitForURL(/\/shops\/demo\/inventory$/);
    const panel = page.locator('[data-coming-soon="inventory"]');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('将在后续版本推出');
    expect(await page.locator('[data-kpi]').count()).toBe(0);
    await saveScreenshot(page, 'coming-soon-zh');
  });

  it('switches to a shop without a promotion: the last 7 shop days, dashes for undefined ratios', async () => {
    const { page } = tab;
    const { db } = e2e();
    await db.pool.query(
      `INSERT INTO shops (slug, name, time_zone) VALUES ('quiet', 'Quiet shop', 'Asia/Shanghai')`,
    );
    const { rows } = await db.pool.query<{ from: string; to: string }>(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date - 6, 'YYYY-MM-DD') AS "from",
              to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS "to"`,
    );
    await page.goto(`${e2e().url}/shops/demo/war-room`);
    await settled(page);
    await page.getByRole('combobox', { name: '店铺' }).selectOption('quiet');
    await page.waitForURL(/\/shops\/quiet\/war-room$/);
    await page.locator('button[data-phase="last7"][aria-pressed="true"]').waitFor();

    expect(await rangeInput(page, 'from').inputValue()).toBe(rows[0]!.from);
    expect(await rangeInput(page, 'to').inputValue()).toBe(rows[0]!.to);
    await settled(page);
    expect(await kpiValue(page, 'orders').textContent()).toBe('0');
    expect(await kpiValue(page, 'conversionRate').textContent()).toBe('—');
    expect(await page.locator('[data-target]').textContent()).toContain('所选日期没有活动目标');
    await saveScreenshot(page, 'no-promotion-zh');
    expect(tab.pageErrors).toEqual([]);
  });

  it('says so when the shop in the address does not exist', async () => {
    const { page } = tab;
    await page.goto(`${e2e().url}/shops/no-such-shop/war-room`);
    const panel = page.locator('[data-error-panel]');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('no-such-shop');
    await saveScreenshot(page, 'unknown-shop-zh');
  });
});
