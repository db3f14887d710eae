import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Writes content to a fresh temp file for a test and returns its path. */
export async function tempFile(name: string, content: string | Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zhanggui-import-test-'));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}
