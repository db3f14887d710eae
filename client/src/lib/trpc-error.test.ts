import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeError, isClientError } from './trpc-error';

function serverError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

describe('describeError', () => {
  it('keeps the server’s sentence and its per-field problems', () => {
    const error = serverError('range.from: Date range is inverted: "from" is after "to".', {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      fieldErrors: { range: ['Date range is inverted: "from" is after "to".'], shop: undefined },
    });
    expect(describeError(error)).toEqual({
      reachedServer: true,
      message: 'range.from: Date range is inverted: "from" is after "to".',
      fieldErrors: { range: ['Date range is inverted: "from" is after "to".'] },
      httpStatus: 400,
    });
    expect(isClientError(error)).toBe(true);
  });

  it('tells a network failure from a server answer', () => {
    const error = TRPCClientError.from(new TypeError('Failed to fetch'));
    expect(describeError(error).reachedServer).toBe(false);
    expect(isClientError(error)).toBe(false);
  });

  it('does not treat a server fault as the request’s fault', () => {
    const error = serverError('database unreachable', { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 });
    expect(isClientError(error)).toBe(false);
    expect(describeError(new Error('boom')).message).toBe('boom');
  });
});
