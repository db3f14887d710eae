// What every specialist analysis takes and returns. Analyses read through a small query function
// (parameterized SQL, usually over rollups) so they stay free of Prisma, Express and Mastra.
import type { DataGap, Finding } from '@zhanggui/shared';

export type QueryFn = <Row extends Record<string, unknown>>(
  sql: string,
  params?: unknown[],
) => Promise<Row[]>;

export interface AnalysisContext {
  shopId: number;
  /** The moment the diagnosis is made for; analyses ignore data after it. */
  at: Date;
  timeZone: string;
  currency: string;
  query: QueryFn;
  /**
   * Reads several specialists make alike, shared within one diagnosis (see shared/share.ts); absent
   * when an analysis runs on its own.
   */
  shared?: Map<string, Promise<unknown>>;
}

export interface SpecialistResult {
  findings: Finding[];
  gaps: DataGap[];
}

export type SpecialistAnalysis = (context: AnalysisContext) => Promise<SpecialistResult>;
