// A file in another currency than the shop's is rejected row by row (never converted). The Imports
// page reads that rejection back to offer a shop in the file's currency.
import type { ImportRowError } from './import.js';
import { isLeftOutWithOrder } from './import-reasons.js';

/** The English of that reason, for errors stored before reasons had codes. */
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
    const currency = error.code
      ? error.code === 'currencyMismatch' && error.params?.file
      : CURRENCY_MISMATCH.exec(error.reason)?.[1];
    if (!currency) return null;
    currencies.add(String(currency).toUpperCase());
  }
  return currencies.size === 1 ? [...currencies][0]! : null;
}
