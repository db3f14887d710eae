import { describe, expect, it } from 'vitest';
import { campaignMetrics, sumDays } from './ad-data.js';

describe('campaign metrics', () => {
  it('computes ROAS, CPA, CTR and CVR from summed days', () => {
    const totals = sumDays([
      {
        day: 'a',
        budgetCents: 0,
        spendCents: 10_000,
        impressions: 20_000,
        clicks: 400,
        conversions: 10,
        revenueCents: 40_000,
      },
      {
        day: 'b',
        budgetCents: 0,
        spendCents: 5000,
        impressions: 10_000,
        clicks: 200,
        conversions: 5,
        revenueCents: 20_000,
      },
    ]);
    expect(campaignMetrics(totals)).toEqual({ roas: 4, cpaCents: 1000, ctr: 0.02, cvr: 0.025 });
  });

  it('has no ROAS or CPA for a campaign that spent nothing, instead of dividing by zero', () => {
    const metrics = campaignMetrics({
      spendCents: 0,
      impressions: 0,
      clicks: 0,
      conversions: 0,
      revenueCents: 0,
    });
    expect(metrics).toEqual({ roas: null, cpaCents: null, ctr: null, cvr: null });
  });
});
