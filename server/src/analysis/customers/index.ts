// The customer-insight specialist: churn risk of valuable customers, the win-back segment, and the
// new-vs-returning mix by promotion phase.
import type { DataGap, Finding } from '@zhanggui/shared';
import type { SpecialistAnalysis } from '../types.js';
import { scanBuyers } from './buyer-scan.js';
import { churnRiskFinding } from './churn-finding.js';
import { customerMixByPhase, mixStretches } from './customer-mix.js';
import { winBackFinding } from './win-back.js';

export const analyzeCustomers: SpecialistAnalysis = async (context) => {
  const stretches = await mixStretches(context);
  const buyers = await scanBuyers(context, stretches.bounds);
  const { churn: scan, lapsed } = buyers;
  const mix = customerMixByPhase(stretches, buyers);
  const findings: Finding[] = [];
  const gaps: DataGap[] = [];
  if (scan.repeatCustomers === 0) {
    gaps.push({
      specialist: 'customers',
      check: 'churn-risk',
      reason:
        'No customer has two or more paid orders in the last 365 days: there is no purchase interval to judge silence against.',
    });
  }
  const churn = churnRiskFinding(context, scan);
  if (churn) findings.push(churn);
  const winBack = winBackFinding(context, lapsed, mix);
  if (winBack) findings.push(winBack);
  else {
    gaps.push({
      specialist: 'customers',
      check: 'win-back-opportunity',
      reason: `Fewer than 20 customers last ordered 30–180 days ago: too few for a win-back send.`,
    });
  }
  return { findings, gaps };
};
