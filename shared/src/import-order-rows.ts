// A Shopify order spans several rows and is imported whole or not at all. When one of its rows is
// rejected, each of its other rows gets the reason 'leftOutWithOrder', so every rejected row is listed.
import type { ImportRowError } from './import.js';

/** True for a row rejected only because another row of its order was. */
export function isLeftOutWithOrder(error: Pick<ImportRowError, 'code'>): boolean {
  return error.code === 'leftOutWithOrder';
}
