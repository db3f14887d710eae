// The range the war room shows lives in the URL (?from=&to=) so it survives reloads and can be shared.
// Typed dates are a draft until they pass checkRange; only then do they reach the URL and the queries.
import type { DateRange } from '@zhanggui/shared';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { checkRange, type RangeProblem } from './date-ranges';

export interface WarRoomRange {
  /** The valid range the figures are for; null until the default is known. */
  applied: DateRange | null;
  /** What the date inputs show. */
  draft: { from: string; to: string };
  problem: RangeProblem | null;
  editDraft(next: { from: string; to: string }): void;
  choose(range: DateRange): void;
}

export function useWarRoomRange(fallback: DateRange | null): WarRoomRange {
  const [params, setParams] = useSearchParams();
  const fromUrl = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const hasUrlRange = params.has('from') || params.has('to');
  const urlCheck = hasUrlRange ? checkRange(fromUrl) : null;
  // A broken link keeps its dates in the inputs, with the message, instead of silently changing them.
  const [draft, setDraft] = useState<{ from: string; to: string } | null>(() =>
    urlCheck && !urlCheck.ok ? fromUrl : null,
  );

  const applied = urlCheck?.ok ? urlCheck.range : fallback;
  const shownDraft = draft ?? applied ?? { from: '', to: '' };
  const draftCheck = draft ? checkRange(draft) : null;

  const writeUrl = (range: DateRange, replace: boolean) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('from', range.from);
        next.set('to', range.to);
        return next;
      },
      { replace },
    );

  return {
    applied,
    draft: shownDraft,
    problem: draftCheck && !draftCheck.ok ? draftCheck.problem : null,
    editDraft(next) {
      const check = checkRange(next);
      if (check.ok) {
        setDraft(null);
        writeUrl(check.range, true);
      } else {
        setDraft(next);
      }
    },
    choose(range) {
      setDraft(null);
      writeUrl(range, false);
    },
  };
}
