// Which hours of a large import can have their rollups refreshed while the file is still loading.
// Exports come sorted by time (either way), so once the file has moved past an hour, that hour is
// complete: its refresh runs behind the batch that completed it, while the next batch is prepared,
// instead of all at the end. A later order that lands in an hour already refreshed makes the hour
// dirty, and it is refreshed again at the end; every hour is refreshed after its last order is written.

const HOUR_MS = 3_600_000;

/** Whole hours [from, to), as epoch milliseconds. */
export interface HourRange {
  from: number;
  to: number;
}

const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

export class RolledUpHours {
  /** Hours refreshed so far: one range, as each refresh extends it on the side the file moves to. */
  private done: HourRange | null = null;
  /** Placement times that landed in hours already refreshed. */
  private dirty: { first: number; last: number } | null = null;

  /**
   * After a batch of orders placed at `times` (in file order) was written, and the import's orders so
   * far span [first, last]: the hours the file has moved past and that are not refreshed, or null.
   */
  afterBatch(times: readonly number[], first: number, last: number): HourRange | null {
    if (times.length === 0) return null;
    const done = this.done;
    if (done) {
      for (const t of times) {
        if (t >= done.from && t < done.to) {
          this.dirty = {
            first: Math.min(this.dirty?.first ?? t, t),
            last: Math.max(this.dirty?.last ?? t, t),
          };
        }
      }
    }
    const isAscending = times[times.length - 1]! >= times[0]!;
    // The hour of the latest order (ascending) or the earliest (descending) may still get orders.
    const next = isAscending
      ? { from: done?.to ?? floorHour(first), to: floorHour(last) }
      : { from: floorHour(first) + HOUR_MS, to: done?.from ?? floorHour(last) + HOUR_MS };
    if (next.to <= next.from) return null;
    this.done = done ? { from: Math.min(done.from, next.from), to: Math.max(done.to, next.to) } : next;
    return next;
  }

  /** The hours refreshed on the way, if any. */
  refreshed(): HourRange | null {
    return this.done;
  }

  /** The hours still to refresh once every order of the import, spanning [first, last], is written. */
  remaining(first: number, last: number): HourRange[] {
    const all = { from: floorHour(first), to: floorHour(last) + HOUR_MS };
    const done = this.done;
    if (!done) return [all];
    const ranges = [
      { from: all.from, to: done.from },
      { from: done.to, to: all.to },
      ...(this.dirty
        ? [{ from: floorHour(this.dirty.first), to: floorHour(this.dirty.last) + HOUR_MS }]
        : []),
    ];
    return ranges.filter((r) => r.to > r.from);
  }
}
