// Errors of the plain (non-tRPC) routes: AppError codes to HTTP statuses, as JSON { error }.
import type express from 'express';
import { AppError, type AppErrorCode } from '../errors.js';
import { log } from '../lib/logger.js';

const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  STALE: 412,
  UPSTREAM_FAILED: 502,
};

export function sendError(res: express.Response, error: unknown): void {
  if (error instanceof AppError) {
    res.status(STATUS_BY_CODE[error.code]).json({ error: error.message, code: error.code });
    return;
  }
  log.error({ err: error }, 'request failed');
  res.status(500).json({ error: 'Something went wrong on the server; try again, and check the server log.' });
}
