import { type ImportReason, reasonText } from '@zhanggui/shared';

/** A problem with the whole file (encoding, headers, broken quoting): nothing of it is imported. */
export class ImportFileError extends Error {
  constructor(reason: ImportReason, options: { cause?: unknown; line?: number } = {}) {
    super(reasonText(reason), { cause: options.cause });
    this.name = 'ImportFileError';
    this.reason = reason;
    this.line = options.line ?? 0;
  }
  readonly reason: ImportReason;
  readonly line: number;
}

/** Thrown when the user (or the CLI's Ctrl-C) cancelled the import. */
export class ImportCancelledError extends Error {
  constructor() {
    super('The import was cancelled; nothing was imported.');
    this.name = 'ImportCancelledError';
  }
}
