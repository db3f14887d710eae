import { describe, expect, it } from 'vitest';
import { type HourRange, RolledUpHours } from './rolled-up-hours.js';

const H = 3_600_000;
const at = (hours: number) => Date.UTC(2026, 10, 11) + hours * H;
const hours = (r: HourRange) => [(r.from - at(0)) / H, (r.to - at(0)) / H];

/** Feeds batches of placement times (in hours) and returns what was refreshed on the way and at the end. */
function run(batches: number[][]) {
  const rolled = new RolledUpHours();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const onTheWay: number[][] = [];
  /** Index of the batch after which each refresh on the way ran. */
  const after: number[] = [];
  for (const [i, batch] of batches.entries()) {
    const times = batch.map(at);
    first = Math.min(first, ...times);
    last = Math.max(last, ...times);
    const range = rolled.afterBatch(times, first, last);
    if (range) {
      onTheWay.push(hours(range));
      after.push(i);
    }
  }
  return { onTheWay, after, atTheEnd: rolled.remaining(first, last).map(hours) };
}

/** Every hour with an order is refreshed after its last order was written. */
function coversEveryHourLast(batches: number[][]) {
  const { onTheWay, after, atTheEnd } = run(batches);
  const refreshes = [
    ...onTheWay.map((r, i) => ({ r, after: after[i]! })),
    ...atTheEnd.map((r) => ({ r, after: Number.POSITIVE_INFINITY })),
  ];
  batches.forEach((batch, i) => {
    for (const t of batch) {
      const hour = Math.floor(t);
      expect(refreshes.some(({ r, after }) => after >= i && hour >= r[0]! && hour < r[1]!)).toBe(true);
    }
  });
}

describe('hours whose rollups can be refreshed while an import loads', () => {
  it('refreshes the hours an ascending file has passed, and the last hour at the end', () => {
    expect(
      run([
        [0.1, 1.5, 2.2],
        [2.5, 4.9],
        [5.0, 5.5],
      ]),
    ).toMatchObject({
      onTheWay: [
        [0, 2],
        [2, 4],
        [4, 5],
      ],
      atTheEnd: [[5, 6]],
    });
  });

  it('refreshes the hours a descending file has passed, and the first hour at the end', () => {
    expect(
      run([
        [9.5, 8.1, 7.2],
        [6.9, 5.3],
      ]),
    ).toMatchObject({
      onTheWay: [
        [8, 10],
        [6, 8],
      ],
      atTheEnd: [[5, 6]],
    });
  });

  it('refreshes again at the end the hours a late order went back into', () => {
    const batches = [
      [0.1, 3.2],
      [3.3, 6.1],
      [1.5, 7.0],
    ];
    expect(run(batches).atTheEnd).toEqual([
      [7, 8],
      [1, 2],
    ]);
    coversEveryHourLast(batches);
  });

  it('covers every hour last, in whatever order the file comes', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let round = 0; round < 50; round++) {
      const batches = Array.from({ length: 6 }, () => Array.from({ length: 4 }, () => random() * 48));
      coversEveryHourLast(batches);
    }
    coversEveryHourLast([[5, 5, 5], [5], [4.99, 5.01]]);
  });

  it('leaves the whole span for the end when nothing could be refreshed on the way', () => {
    expect(run([[3.2, 3.4]])).toMatchObject({ onTheWay: [], atTheEnd: [[3, 4]] });
  });
});
