// One error type for the whole server, mapped to tRPC codes in one place (trpc/init.ts).
export const APP_ERROR_CODES = [
  'NOT_FOUND',
  'FORBIDDEN',
  'INVALID_INPUT',
  'CONFLICT',
  'STALE',
  'UPSTREAM_FAILED',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, options: { message: string; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
  }
}
