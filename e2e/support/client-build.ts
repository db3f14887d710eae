// Builds the SPA once when client/dist is missing or older than any source that goes into it.
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from '../../server/src/env.js';

const CLIENT_INPUTS = [
  'client/src',
  'client/index.html',
  'client/package.json',
  'shared/src',
  'vite.config.ts',
];
const BUILT_INDEX = path.join(REPO_ROOT, 'client', 'dist', 'index.html');

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target);
  const times = await Promise.all(entries.map((entry) => newestMtime(path.join(target, entry))));
  return Math.max(info.mtimeMs, ...times);
}

export async function isClientBuildStale(): Promise<boolean> {
  const built = await stat(BUILT_INDEX).catch(() => null);
  if (!built) return true;
  const inputs = await Promise.all(CLIENT_INPUTS.map((input) => newestMtime(path.join(REPO_ROOT, input))));
  return Math.max(...inputs) > built.mtimeMs;
}

/** Runs `vite build` with the root config when the build is stale; returns whether it built. */
export async function ensureClientBuilt(): Promise<boolean> {
  if (!(await isClientBuildStale())) return false;
  const viteBin = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const child = spawn(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT });
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed with exit code ${code}:\n${output}`)),
    );
  });
  return true;
}
