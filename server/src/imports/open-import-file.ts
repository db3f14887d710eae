// Opens an import file for reading: small files on the caller's thread, where a worker would cost
// more to start than it saves; large ones in a worker thread, parsing while the caller writes.
import { stat } from 'node:fs/promises';
import { type OpenedImport, type ReadImportOptions, readImportFile } from './read-import-file.js';
import { openImportFileInWorker } from './worker/open-in-worker.js';

export const WORKER_MIN_BYTES = 8 * 1024 * 1024;

export async function openImportFile(filePath: string, options: ReadImportOptions): Promise<OpenedImport> {
  const { size } = await stat(filePath);
  const open = size >= WORKER_MIN_BYTES ? openImportFileInWorker : readImportFile;
  return open(filePath, options);
}
