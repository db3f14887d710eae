// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import type { KpiFigure } from '@zhanggui/shared';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import { formatPercent } from '../lib/format';
import { KpiCard, trendOf } from './kpi-card';
import { Money } from './money';

function renderCard(figure: KpiFigure, props: { higherIsBetter?: boolean; kind?: 'money' | 'percent' } = {}) {
  const renderValue =
    props.kind === 'percent'
      ? (value: number) => formatPercent(value, 'en-US', 2)
      : (value: number) => <Money cents={value} currency="CNY" />;
  render(
    <I18nextProvider i18n={i18n}>
      <KpiCard
        name="figure"
        label="Figure"
        figure={figure}
        renderValue={renderValue}
        higherIsBetter={props.higherIsBetter}
      />
    </I18nextProvider>,
  );
  const card = screen.getByRole('article', { name: 'Figure' });
  const part = (name: string) => card.querySelector(`[data-part="${name}"]`)!;
  return { value: part('value'), change: part('change'), previous: part('previous') };
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

describe('KpiCard', () => {
  it('shows value, previous value and a rise in GMV as good news', () => {
    const card = renderCard({ value: 1_250_000, previous: 1_000_000, change: 0.25 });
    expect(card.value.textContent).toBe('CN¥12,500.00');
    expect(card.previous.textContent).toBe('Previous period CN¥10,000.00');
    expect(card.change.textContent).toBe('▲+25.0%');
    expect(card.change.getAttribute('data-trend')).toBe('good');
  });

  it('colours a rising refund rate as bad news', () => {
    const card = renderCard(
      { value: 0.06, previous: 0.04, change: 0.5 },
      { higherIsBetter: false, kind: 'percent' },
    );
    expect(card.value.textContent).toBe('6.00%');
    expect(card.change.textContent).toBe('▲+50.0%');
    expect(card.change.getAttribute('data-trend')).toBe('bad');
  });

  it('colours a falling refund rate as good news', () => {
    const card = renderCard(
      { value: 0.03, previous: 0.04, change: -0.25 },
      { higherIsBetter: false, kind: 'percent' },
    );
    expect(card.change.textContent).toBe('▼-25.0%');
    expect(card.change.getAttribute('data-trend')).toBe('good');
  });

  it('shows a refund rate that moved less than shown as 0.0%, with no arrow and no colour', () => {
    const card = renderCard(
      { value: 0.19971, previous: 0.19965, change: 0.0003 },
      { higherIsBetter: false, kind: 'percent' },
    );
    expect(card.change.textContent).toBe('0.0%');
    expect(card.change.getAttribute('data-trend')).toBe('flat');
  });

  it('shows a dash for undefined values and no colour without a comparison', () => {
    const card = renderCard({ value: null, previous: 0, change: null }, { kind: 'percent' });
    expect(card.value.textContent).toBe('—');
    expect(card.previous.textContent).toBe('Previous period 0.00%');
    expect(card.change.textContent).toBe('—');
    expect(card.change.getAttribute('data-trend')).toBe('none');
  });

  it('speaks the UI language', async () => {
    await i18n.changeLanguage('zh');
    const card = renderCard({ value: 100, previous: null, change: null });
    expect(card.value.textContent).toBe('¥1.00');
    expect(card.previous.textContent).toBe('上一周期 —');
  });
});

describe('trendOf', () => {
  it('reads no change as flat and a missing change as none', () => {
    expect(trendOf(0, true)).toBe('flat');
    expect(trendOf(null, false)).toBe('none');
    expect(trendOf(-0.1, true)).toBe('bad');
  });

  it('reads a change that rounds to 0.0% as flat, not as a rise of the refund rate', () => {
    expect(trendOf(0.0003, false)).toBe('flat');
    expect(trendOf(-0.0004, true)).toBe('flat');
    expect(trendOf(0.0006, false)).toBe('bad');
  });
});
