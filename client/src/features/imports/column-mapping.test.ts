import { describe, expect, it } from 'vitest';
import { guessMapping } from './column-mapping';

describe('guessMapping', () => {
  it('picks the columns named like the fields, ignoring case, spaces and dashes', () => {
    expect(
      guessMapping('ads', ['Day', 'Campaign ID', 'campaign_name', 'Spend', 'Impressions', 'CTR']),
    ).toEqual({
      day: 'Day',
      campaignId: 'Campaign ID',
      campaignName: 'campaign_name',
      spend: 'Spend',
      impressions: 'Impressions',
    });
  });

  it('leaves fields unmapped when no column matches', () => {
    expect(guessMapping('traffic-hourly', ['时间', '渠道'])).toEqual({});
  });
});
