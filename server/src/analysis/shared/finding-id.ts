// Deterministic finding ids: re-running a diagnosis names the same problem the same way, so a
// strategy approved against a finding can be matched to the next run's finding.
import type { EntityRef, Specialist } from '@zhanggui/shared';

/**
 * `ads:roas-collapse:campaign-12`. A discriminator (e.g. a local date) separates findings of the same
 * type on the same entities that are different events, like two anomalies on two days.
 */
export function buildFindingId(
  specialist: Specialist,
  type: string,
  entities: readonly Pick<EntityRef, 'kind' | 'id'>[],
  discriminator?: string,
): string {
  const entityPart = entities.map((e) => `${e.kind}-${e.id}`).join('+') || 'shop';
  return [specialist, type, entityPart, discriminator].filter((p) => p !== undefined).join(':');
}
