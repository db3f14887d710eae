// The promotion and its four phases (shop-local days), with GMV targets a merchant could have set:
// near what the season then yielded, so that attainment lands somewhere between ~85% and ~115%.
import type { PromotionPhaseKind } from '@zhanggui/shared';
import { DAY, PHASES, toIso } from './calendar.js';
import { gmvBetween } from './measure.js';
import { Rng } from './random.js';
import type { World } from './world.js';

export interface PromotionPhasePlan {
  phase: PromotionPhaseKind;
  startsAt: string;
  endsAt: string;
  gmvTargetCents: number;
}

export interface PromotionPlan {
  name: string;
  startsAt: string;
  endsAt: string;
  gmvTargetCents: number;
  phases: PromotionPhasePlan[];
}

const roundToThousandYuan = (cents: number) => Math.max(100_000, Math.round(cents / 100_000) * 100_000);

export function planPromotion(world: World): PromotionPlan {
  const rng = new Rng(world.options.seed, 'promotion');
  const { season } = world;
  const phases = PHASES.map((span): PromotionPhasePlan => {
    const actual = gmvBetween(world, span.fromDay * DAY, span.toDay * DAY);
    // The peak target is set apart: attainment there is the number everyone watches.
    const factor = span.phase === 'peak' ? 1 / rng.between(0.88, 1.12) : rng.between(0.9, 1.1);
    return {
      phase: span.phase,
      startsAt: toIso(season, span.fromDay * DAY),
      endsAt: toIso(season, span.toDay * DAY),
      gmvTargetCents: roundToThousandYuan(actual * factor),
    };
  });
  return {
    name: `${season.year} 双11全球狂欢季`,
    startsAt: phases[0]!.startsAt,
    endsAt: phases[phases.length - 1]!.endsAt,
    gmvTargetCents: phases.reduce((sum, p) => sum + p.gmvTargetCents, 0),
    phases,
  };
}
