// One diagnosis runs the specialists side by side; when two need the same aggregate (the same SQL
// over the same window), the first one's read is shared with the second instead of running twice.
import type { AnalysisContext } from '../types.js';

/** `load()` once per key within the diagnosis the context belongs to; every call when there is none. */
export function shareWithinDiagnosis<T>(
  context: AnalysisContext,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  const shared = context.shared;
  if (!shared) return load();
  let read = shared.get(key) as Promise<T> | undefined;
  if (!read) {
    read = load();
    shared.set(key, read);
  }
  return read;
}
