// The Imports page offers "Create a EUR shop for this file" by reading the rejection reasons back
// (rejectedFileCurrency in shared); this keeps that reading in step with what the reader writes.
import { rejectedFileCurrency } from '@zhanggui/shared';
import { describe, expect, it } from 'vitest';
import { readAll, sampleFile } from './testing.js';

describe('rejectedFileCurrency on a real rejected file', () => {
  it('reads EUR from the Shopify export checked against a CNY shop', async () => {
    const result = await readAll(sampleFile('shopify', 'orders_export_devstore_79col.csv'));
    expect(result.rowsRead).toBe(40);
    expect(result.rowsRejected).toBe(40);
    expect(rejectedFileCurrency(result.errors)).toBe('EUR');
  });

  it('offers nothing for a file that was read in its own currency', async () => {
    const result = await readAll(sampleFile('shopify', 'orders_export_devstore_79col.csv'), {
      context: { timeZone: 'Europe/Paris', currency: 'EUR' },
    });
    expect(result.rowsRejected).toBe(0);
    expect(rejectedFileCurrency(result.errors)).toBeNull();
  });
});
