// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ImportJobDetail, ImportRowError } from '@zhanggui/shared';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/i18n';
import type { NewShopPrefill } from './new-shop-values';
import { NoValidRows } from './no-valid-rows';

function checkedJob(errors: ImportRowError[], rowsRead = 40): ImportJobDetail {
  return {
    id: 7,
    shop: 'demo',
    format: 'shopify-orders',
    mapping: null,
    fileName: 'orders_export.csv',
    fileBytes: 1000,
    encoding: 'utf-8',
    status: 'validated',
    phase: 'validate',
    importValidRows: false,
    cancelRequested: false,
    bytesRead: 1000,
    errorCount: errors.length,
    message: null,
    createdAt: '2026-11-23T10:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    rowsRead,
    rowsRejected: rowsRead,
    recordKind: 'orders',
    recordsInserted: 0,
    recordsUpdated: 0,
    recordsUnchanged: 0,
    firstErrors: errors,
  };
}

const EUR_ROW: ImportRowError = {
  line: 2,
  column: 'Currency',
  value: 'EUR',
  reason: "Currency EUR differs from the shop's currency CNY; import this file into a shop that keeps EUR.",
};

function renderFor(job: ImportJobDetail) {
  const onCreateShopFor = vi.fn<(prefill: NewShopPrefill) => void>();
  render(
    <I18nextProvider i18n={i18n}>
      <NoValidRows job={job} onCreateShopFor={onCreateShopFor} />
    </I18nextProvider>,
  );
  return onCreateShopFor;
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

describe('NoValidRows', () => {
  it('says why nothing can be imported and offers a shop in the file’s currency, prefilled', () => {
    const onCreateShopFor = renderFor(checkedJob([EUR_ROW, { ...EUR_ROW, line: 4 }]));
    expect(screen.getByText(/None of the 40 rows can be imported: the file is in EUR/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Import the 0/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Create a EUR shop for this file' }));
    expect(onCreateShopFor).toHaveBeenCalledWith({ currency: 'EUR', platform: 'shopify' });
  });

  it('offers no shop when the rows were refused for something else, and says so in Chinese', async () => {
    await i18n.changeLanguage('zh');
    renderFor(checkedJob([{ line: 2, column: 'Total', value: 'abc', reason: 'Not an amount.' }], 3));
    expect(screen.getByText('3 行中没有一行可以导入。请修正下方列出的行，然后重新上传文件。')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
