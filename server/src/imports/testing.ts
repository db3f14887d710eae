// Test helpers: read a whole (small) import file into memory, and paths of the shared sample data.
import path from 'node:path';
import type { ImportRowError } from '@zhanggui/shared';
import { REPO_ROOT } from '../env.js';
import { type OpenedImport, type ReadImportOptions, readImportFile } from './read-import-file.js';

export const SAMPLE_DATA_DIR = path.join(REPO_ROOT, '..', 'shared', 'data');

export function sampleFile(...parts: string[]): string {
  return path.join(SAMPLE_DATA_DIR, ...parts);
}

type OpenImport = (filePath: string, options: ReadImportOptions) => Promise<OpenedImport>;

export async function readAll<R = unknown>(
  filePath: string,
  options: Partial<ReadImportOptions> = {},
  open: OpenImport = readImportFile,
) {
  const opened = await open(filePath, {
    context: { timeZone: 'Asia/Shanghai', currency: 'CNY' },
    ...options,
  });
  const records: R[] = [];
  const errors: ImportRowError[] = [];
  let rowsRead = 0;
  let rowsRejected = 0;
  for await (const batch of opened.batches) {
    records.push(...(batch.records as R[]));
    errors.push(...batch.errors);
    rowsRead += batch.rowsRead;
    rowsRejected += batch.rowsRejected;
  }
  return {
    format: opened.format,
    kind: opened.kind,
    encoding: opened.encoding,
    records,
    errors,
    rowsRead,
    rowsRejected,
  };
}
