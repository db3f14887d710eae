// A file in another currency than the shop's is rejected row by row (never converted). The Imports
// page reads that rejection back to offer a shop in the file's currency.
import type { ImportRowError } from './import.js';
import { isLeftOutWithOrder } from './import-order-rows.js';

/** The reason the Shopify orders reader gives; kept in step by a test on a real rejected file. */
const CURRENCY_MISMATCH = /^Currency ([A-Za-z]{3}) differs from the shop's currency ([A-Za-z]{3});/;

/**
 * The one currency the rejected rows are in, when every one of them was rejected for its currency;
 * null when no row was, or rows name different currencies (a new shop would not take the file). Rows
 * left out with their order do not count either way.
 */
export function rejectedFileCurrency(errors: readonly ImportRowError[]): string | null {
  const currencies = new Set<string>();
  for (const error of errors) {
    if (isLeftOutWithOrder(error)) continue;
    const match = CURRENCY_MISMATCH.exec(error.reason);
    if (!match) return null;
    currencies.add(match[1]!.toUpperCase());
  }
  return currencies.size === 1 ? [...currencies][0]! : null;
}
