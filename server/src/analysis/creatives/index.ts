// The creatives specialist: fatigued ad creatives and weak listing titles.
import type { SpecialistAnalysis } from '../types.js';
import { detectCreativeFatigue } from './creative-fatigue.js';
import { detectWeakTitles } from './weak-title.js';

export const analyzeCreatives: SpecialistAnalysis = async (context) => {
  const results = await Promise.all([detectCreativeFatigue(context), detectWeakTitles(context)]);
  return { findings: results.flatMap((r) => r.findings), gaps: results.flatMap((r) => r.gaps) };
};
