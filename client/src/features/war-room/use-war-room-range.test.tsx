// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { useWarRoomRange, type WarRoomRange } from './use-war-room-range';

const PROMOTION = { from: '2026-10-24', to: '2026-11-15' };

/** Renders the hook inside a router at `url`; returns the hook's latest value and the router's search. */
function renderRange(url: string) {
  let router: ReturnType<typeof createMemoryRouter> | undefined;
  const wrapper = ({ children }: { children: ReactNode }) => {
    router ??= createMemoryRouter([{ path: '/shops/:shop/war-room', element: children }], {
      initialEntries: [url],
    });
    return <RouterProvider router={router} />;
  };
  const { result } = renderHook(() => useWarRoomRange(PROMOTION), { wrapper });
  return {
    get range(): WarRoomRange {
      return result.current;
    },
    search: () => router!.state.location.search,
  };
}

afterEach(cleanup);

describe('useWarRoomRange', () => {
  it('shows the fallback range until the address names one', () => {
    const view = renderRange('/shops/demo/war-room');
    expect(view.range.applied).toEqual(PROMOTION);
    expect(view.range.draft).toEqual(PROMOTION);
    expect(view.range.problem).toBeNull();
  });

  it('writes a valid typed range to the address', () => {
    const view = renderRange('/shops/demo/war-room');
    act(() => view.range.editDraft({ from: '2026-11-10', to: '2026-11-15' }));
    expect(view.search()).toBe('?from=2026-11-10&to=2026-11-15');
    expect(view.range.applied).toEqual({ from: '2026-11-10', to: '2026-11-15' });
  });

  it('keeps an inverted range as a draft with its problem, and the last valid range applied', () => {
    const view = renderRange('/shops/demo/war-room?from=2026-11-10&to=2026-11-11');
    act(() => view.range.editDraft({ from: '2026-11-12', to: '2026-11-11' }));
    expect(view.range.problem).toEqual({ kind: 'inverted', from: '2026-11-12', to: '2026-11-11' });
    expect(view.range.draft).toEqual({ from: '2026-11-12', to: '2026-11-11' });
    expect(view.range.applied).toEqual({ from: '2026-11-10', to: '2026-11-11' });
    expect(view.search()).toBe('?from=2026-11-10&to=2026-11-11');
  });

  it('clears the problem when a chip is chosen', () => {
    const view = renderRange('/shops/demo/war-room');
    act(() => view.range.editDraft({ from: '', to: '2026-11-11' }));
    expect(view.range.problem).toEqual({ kind: 'badDate' });
    act(() => view.range.choose({ from: '2026-11-10', to: '2026-11-11' }));
    expect(view.range.problem).toBeNull();
    expect(view.range.applied).toEqual({ from: '2026-11-10', to: '2026-11-11' });
  });

  it('explains a broken range in a shared link instead of silently replacing it', () => {
    const view = renderRange('/shops/demo/war-room?from=2026-11-15&to=2026-11-01');
    expect(view.range.problem).toEqual({ kind: 'inverted', from: '2026-11-15', to: '2026-11-01' });
    expect(view.range.draft).toEqual({ from: '2026-11-15', to: '2026-11-01' });
    expect(view.range.applied).toEqual(PROMOTION);
  });
});
