import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

// Each test file imports this afresh: its files go when its tests are done (a large-file test writes 18 MB).
afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes content to a fresh temp file for a test and returns its path; removed after the file's tests. */
export async function tempFile(name: string, content: string | Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zhanggui-import-test-'));
  made.push(dir);
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}
