import type { KpiFigure } from '@zhanggui/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/i18n';
import { formatChange, NO_VALUE } from '../lib/format';
import styles from './kpi-card.module.css';

export type Trend = 'good' | 'bad' | 'flat' | 'none';

/** Changes are shown to a tenth of a percent: one that rounds to 0.0% is shown, and read, as none. */
const SHOWN_AS_ZERO = 0.0005;

/** Whether a change is good news: a rise is good for GMV, bad for the refund rate. */
export function trendOf(change: number | null, higherIsBetter: boolean): Trend {
  if (change === null || !Number.isFinite(change)) return 'none';
  if (Math.abs(change) < SHOWN_AS_ZERO) return 'flat';
  return change > 0 === higherIsBetter ? 'good' : 'bad';
}

interface KpiCardProps {
  /** Stable name for tests and styling, e.g. "gmvCents". */
  name: string;
  label: string;
  figure: KpiFigure;
  /** Renders a defined value; null values show "—" without calling it. */
  renderValue: (value: number) => ReactNode;
  higherIsBetter?: boolean;
  /** Dims the card while a newer figure loads. */
  isUpdating?: boolean;
}

export function KpiCard({
  name,
  label,
  figure,
  renderValue,
  higherIsBetter = true,
  isUpdating = false,
}: KpiCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const trend = trendOf(figure.change, higherIsBetter);
  const arrow = trend === 'good' || trend === 'bad' ? (figure.change! > 0 ? '▲' : '▼') : '';
  return (
    <article
      className={`surface ${styles.card}`}
      data-kpi={name}
      data-updating={isUpdating || undefined}
      aria-label={label}
      aria-busy={isUpdating}
    >
      <h3 className={styles.label}>{label}</h3>
      <p className={styles.value} data-part="value">
        {figure.value === null ? NO_VALUE : renderValue(figure.value)}
      </p>
      <p className={styles.footer}>
        <span
          className={styles.change}
          data-part="change"
          data-trend={trend}
          title={t(`kpiCard.trend.${trend}`)}
        >
          {arrow && <span aria-hidden="true">{arrow}</span>}
          {formatChange(figure.change, locale)}
        </span>
        <span className={styles.previous} data-part="previous">
          {t('kpiCard.previous')} {figure.previous === null ? NO_VALUE : renderValue(figure.previous)}
        </span>
      </p>
    </article>
  );
}
