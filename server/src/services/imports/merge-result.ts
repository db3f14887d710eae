import type { ImportRowError } from '@zhanggui/shared';

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Rows found wrong only once staged (duplicates, unknown references); removed before the merge. */
export interface StageRejections {
  errors: ImportRowError[];
  rows: number;
}

export const NO_REJECTIONS: StageRejections = { errors: [], rows: 0 };
