// tRPC root: one errorFormatter, and AppError mapped to tRPC codes in one place.
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import { AppError, type AppErrorCode } from '../errors.js';
import { log } from '../lib/logger.js';
import type { Context } from './context.js';

const TRPC_CODE_BY_APP_CODE: Record<AppErrorCode, TRPCError['code']> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  INVALID_INPUT: 'BAD_REQUEST',
  CONFLICT: 'CONFLICT',
  STALE: 'PRECONDITION_FAILED',
  UPSTREAM_FAILED: 'BAD_GATEWAY',
};

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message: zodError ? describeZodError(zodError) : shape.message,
      data: {
        ...shape.data,
        appCode: error.cause instanceof AppError ? error.cause.code : null,
        fieldErrors: zodError ? z.flattenError(zodError).fieldErrors : null,
      },
    };
  },
});

/** "range.from: Date range is inverted …; shop: …" — one readable sentence for the UI and logs. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

const mapAppErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: TRPC_CODE_BY_APP_CODE[cause.code], message: cause.message, cause });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR')
      log.error({ err: result.error, path }, 'procedure failed');
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapAppErrors);
export const createCallerFactory = t.createCallerFactory;
