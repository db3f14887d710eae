// A Shopify order spans several rows and is imported whole or not at all. When one of its rows is
// rejected, each of its other rows gets this error too, so every rejected row is listed with a reason.
import type { ImportRowError } from './import.js';

const LEFT_OUT_WITH_ORDER = /^Left out with order .*: its line \d+ is rejected\.$/;

export function leftOutWithOrderReason(orderName: string, rejectedLine: number): string {
  return `Left out with order ${orderName}: its line ${rejectedLine} is rejected.`;
}

/** True for a row rejected only because another row of its order was. */
export function isLeftOutWithOrder(error: Pick<ImportRowError, 'reason'>): boolean {
  return LEFT_OUT_WITH_ORDER.test(error.reason);
}
