// The one place that turns a failed request into words for the screen.
import { TRPCClientError } from '@trpc/client';

export interface ErrorDescription {
  /** Whether the server was reached at all; false means network trouble. */
  reachedServer: boolean;
  /** The server's own sentence (it says what was wrong and what to do), or the thrown error's message. */
  message: string;
  /** Per-field messages from input validation, e.g. { "range.from": ["Date range is inverted…"] }. */
  fieldErrors: Record<string, string[]>;
  httpStatus: number | null;
}

interface ServerErrorData {
  httpStatus?: number;
  fieldErrors?: Record<string, string[] | undefined> | null;
}

export function describeError(error: unknown): ErrorDescription {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? null) as ServerErrorData | null;
    if (!data) return { reachedServer: false, message: error.message, fieldErrors: {}, httpStatus: null };
    const fieldErrors = Object.fromEntries(
      Object.entries(data.fieldErrors ?? {}).filter((entry): entry is [string, string[]] =>
        Array.isArray(entry[1]),
      ),
    );
    return { reachedServer: true, message: error.message, fieldErrors, httpStatus: data.httpStatus ?? null };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { reachedServer: true, message, fieldErrors: {}, httpStatus: null };
}

/** A 4xx: the request itself was wrong, so retrying it cannot help. */
export function isClientError(error: unknown): boolean {
  const status = describeError(error).httpStatus;
  return status !== null && status >= 400 && status < 500;
}
