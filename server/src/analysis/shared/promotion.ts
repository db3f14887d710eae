// The promotion calendar around a diagnosis moment: which promotion and phase `at` falls in.
import type { PromotionPhaseKind } from '@zhanggui/shared';
import type { AnalysisContext } from '../types.js';
import type { Window } from './shop-time.js';

export interface PromotionPhaseWindow extends Window {
  kind: PromotionPhaseKind;
  gmvTargetCents: number;
}

export interface PromotionWindow extends Window {
  id: number;
  name: string;
  gmvTargetCents: number;
  /** In time order; empty when the promotion has no phases. */
  phases: PromotionPhaseWindow[];
}

interface PromotionRow extends Record<string, unknown> {
  id: number;
  name: string;
  starts_at: Date;
  ends_at: Date;
  gmv_target_cents: number;
  phases:
    | { phase: PromotionPhaseKind; starts_at: string; ends_at: string; gmv_target_cents: number }[]
    | null;
}

/** Promotions overlapping [from, to), with their phases. */
export async function loadPromotions(context: AnalysisContext, window: Window): Promise<PromotionWindow[]> {
  const rows = await context.query<PromotionRow>(
    `SELECT p.id, p.name, p.starts_at, p.ends_at, p.gmv_target_cents::float8 AS gmv_target_cents,
            (SELECT json_agg(json_build_object('phase', ph.phase, 'starts_at', ph.starts_at, 'ends_at', ph.ends_at,
                                               'gmv_target_cents', ph.gmv_target_cents::float8)
                             ORDER BY ph.starts_at)
               FROM promotion_phases ph WHERE ph.shop_id = p.shop_id AND ph.promotion_id = p.id) AS phases
     FROM promotions p
     WHERE p.shop_id = $1 AND p.starts_at < $3 AND p.ends_at > $2
     ORDER BY p.starts_at`,
    [context.shopId, window.from, window.to],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    from: row.starts_at,
    to: row.ends_at,
    gmvTargetCents: row.gmv_target_cents,
    phases: (row.phases ?? []).map((ph) => ({
      kind: ph.phase,
      from: new Date(ph.starts_at),
      to: new Date(ph.ends_at),
      gmvTargetCents: ph.gmv_target_cents,
    })),
  }));
}

/** The phase containing the instant, if any. */
export function phaseAt(promotions: readonly PromotionWindow[], at: Date): PromotionPhaseWindow | null {
  for (const promotion of promotions) {
    for (const phase of promotion.phases) {
      if (phase.from <= at && at < phase.to) return phase;
    }
  }
  return null;
}

/** The phase kind of an instant, or 'regular' outside every phase: the key for comparable days. */
export function dayKindAt(promotions: readonly PromotionWindow[], at: Date): PromotionPhaseKind | 'regular' {
  return phaseAt(promotions, at)?.kind ?? 'regular';
}
