import { ColumnMappingSchema } from '@zhanggui/shared';
import { describe, expect, it } from 'vitest';
import type { AdDayRecord, TrafficHourlyRecord } from './records.js';
import { tempFile } from './test-files.js';
import { readAll } from './testing.js';

describe('generic CSV through a column mapping', () => {
  it('reads hourly traffic in the shop time zone, with Chinese source names', async () => {
    const csv = [
      '时间,渠道,访客数,浏览量',
      '2026-11-11 00:30,搜索,120,300',
      '2026-11-11 01:00,广告,80,95',
    ].join('\n');
    const mapping = {
      target: 'traffic-hourly' as const,
      columns: { hour: '时间', source: '渠道', visitors: '访客数', pageViews: '浏览量' },
    };
    const result = await readAll<TrafficHourlyRecord>(await tempFile('traffic.csv', csv), {
      format: 'generic',
      mapping,
    });
    expect(result.kind).toBe('traffic-hours');
    expect(result.records).toEqual([
      { line: 2, hour: new Date('2026-11-10T16:00:00Z'), source: 'search', visitors: 120, pageViews: 300 },
      { line: 3, hour: new Date('2026-11-10T17:00:00Z'), source: 'ads', visitors: 80, pageViews: 95 },
    ]);
  });

  it('reads ads with optional columns left unmapped and rejects bad cells by column', async () => {
    const csv = [
      'Campaign,Date,Cost,Impr.,Clicks',
      'C-1,2026-11-10,1.429999948,7350,12',
      'C-1,2026-11-11,abc,7000,11',
      'C-2,11/12/2026,3.00,10,1',
    ].join('\n');
    const mapping = {
      target: 'ads' as const,
      columns: { campaignId: 'Campaign', day: 'Date', spend: 'Cost', impressions: 'Impr.', clicks: 'Clicks' },
    };
    const result = await readAll<AdDayRecord>(await tempFile('ads.csv', csv), { format: 'generic', mapping });
    expect(result.records).toEqual([
      {
        line: 2,
        campaignExternalId: 'C-1',
        campaignName: null,
        channel: null,
        day: new Date('2026-11-10T00:00:00Z'),
        budgetCents: null,
        spendCents: 143,
        impressions: 7350,
        clicks: 12,
        conversions: 0,
        revenueCents: 0,
      },
    ]);
    expect(result.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [3, 'Cost', 'abc'],
      [4, 'Date', '11/12/2026'],
    ]);
  });

  it('fails the file when a mapped column is not in it', async () => {
    const mapping = {
      target: 'traffic-hourly' as const,
      columns: { hour: 'hour', source: 'source', visitors: 'uv', pageViews: 'pv' },
    };
    await expect(
      readAll(await tempFile('t.csv', 'hour,source,uv\n'), { format: 'generic', mapping }),
    ).rejects.toThrow('has no column "pv"');
  });

  it('validates a mapping: unknown fields and unmapped required fields are named', () => {
    const result = ColumnMappingSchema.safeParse({
      target: 'ads',
      columns: { campaignId: 'c', colour: 'x' },
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain(
      '"colour" is not a field of ads; use one of campaignId, campaignName, channel, day, budget, spend, impressions, clicks, conversions, revenue.',
    );
    expect(messages).toContain('Choose the column that holds "spend" (required for ads).');
  });
});
