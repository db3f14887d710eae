// A SKU against its category peers: is its share of something (search visits, conversion) far below
// what similar SKUs get? Peers give the baseline; their robust spread plus the SKU's own sampling
// noise give the yardstick.
import { MAD_TO_SIGMA, median, medianAbsoluteDeviation } from '../shared/robust-stats.js';

export interface PeerItem {
  id: string;
  group: string;
  /** Successes (e.g. search visits) out of trials (all visits). */
  hits: number;
  trials: number;
}

export interface PeerGap {
  id: string;
  group: string;
  share: number;
  peerMedian: number;
  peerCount: number;
  z: number;
  /** Hits the item would have at the peers' median share. */
  expectedHits: number;
}

export interface PeerGapOptions {
  minTrials?: number;
  minPeers?: number;
  zThreshold?: number;
  /** The share must also be below this fraction of the peers' median. */
  maxRatioToPeers?: number;
}

export function findPeerGaps(items: readonly PeerItem[], options: PeerGapOptions = {}): PeerGap[] {
  const { minTrials = 50, minPeers = 4, zThreshold = -3, maxRatioToPeers = 0.5 } = options;
  const eligible = items.filter((i) => i.trials >= minTrials);
  const groups = Map.groupBy(eligible, (item) => item.group);
  const gaps: PeerGap[] = [];
  for (const [group, members] of groups) {
    if (members.length < minPeers + 1) continue;
    const shares = members.map((m) => m.hits / m.trials);
    const center = median(shares)!;
    const peerSigma = MAD_TO_SIGMA * medianAbsoluteDeviation(shares)!;
    if (center <= 0) continue;
    for (const member of members) {
      const share = member.hits / member.trials;
      if (share >= center * maxRatioToPeers) continue;
      const samplingSd = Math.sqrt((center * (1 - center)) / member.trials);
      const z = (share - center) / Math.sqrt(peerSigma ** 2 + samplingSd ** 2);
      if (z > zThreshold) continue;
      gaps.push({
        id: member.id,
        group,
        share,
        peerMedian: center,
        peerCount: members.length - 1,
        z,
        expectedHits: center * member.trials,
      });
    }
  }
  return gaps.sort((a, b) => a.z - b.z || a.id.localeCompare(b.id));
}
