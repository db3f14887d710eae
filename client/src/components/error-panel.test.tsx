// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import { ErrorPanel } from './error-panel';

function renderPanel(error: unknown, onRetry?: () => void) {
  render(
    <I18nextProvider i18n={i18n}>
      <ErrorPanel title="Could not load the key figures" error={error} onRetry={onRetry} />
    </I18nextProvider>,
  );
  return screen.getByRole('alert');
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

describe('ErrorPanel', () => {
  it('shows the server’s reason and each field’s problem, without a pointless retry for bad input', () => {
    const error = TRPCClientError.from({
      error: {
        message: 'range.from: Date range is inverted: "from" is after "to".',
        code: -32600,
        data: { httpStatus: 400, fieldErrors: { range: ['Date range is inverted: "from" is after "to".'] } },
      },
    });
    const panel = renderPanel(error, () => {});
    expect(panel.textContent).toContain('Could not load the key figures');
    expect(panel.textContent).toContain('range.from: Date range is inverted');
    expect(panel.querySelector('li')?.textContent).toBe(
      'range Date range is inverted: "from" is after "to".',
    );
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('says the server is unreachable and offers a retry that calls back', () => {
    let retries = 0;
    renderPanel(TRPCClientError.from(new TypeError('Failed to fetch')), () => {
      retries += 1;
    });
    expect(screen.getByRole('alert').textContent).toContain('Cannot reach the Zhanggui server');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retries).toBe(1);
  });
});
