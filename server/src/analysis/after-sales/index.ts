// The after-sales specialist: refund spikes, late shipments and negative-review surges.
import type { SpecialistAnalysis } from '../types.js';
import { detectLateShipments } from './late-shipments.js';
import { detectReturnSpikes } from './return-spike.js';
import { detectNegativeReviewSurges } from './review-surge.js';

export const analyzeAfterSales: SpecialistAnalysis = async (context) => {
  const results = await Promise.all([
    detectReturnSpikes(context),
    detectLateShipments(context),
    detectNegativeReviewSurges(context),
  ]);
  return { findings: results.flatMap((r) => r.findings), gaps: results.flatMap((r) => r.gaps) };
};
