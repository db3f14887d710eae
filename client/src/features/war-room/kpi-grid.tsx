import { KPI_KEYS, type KpiKey, type ShopKpis } from '@zhanggui/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KpiCard } from '../../components/kpi-card';
import { Money } from '../../components/money';
import { Percent } from '../../components/percent';
import { Skeleton } from '../../components/skeleton';
import { useLocale } from '../../i18n/i18n';
import { formatCount, RATE_FRACTION_DIGITS, roundMinorUnits } from '../../lib/format';
import styles from './war-room.module.css';

/** How each figure is shown and which direction is good news. */
const KPI_DISPLAY: Record<KpiKey, { kind: 'money' | 'count' | 'percent'; higherIsBetter: boolean }> = {
  gmvCents: { kind: 'money', higherIsBetter: true },
  orders: { kind: 'count', higherIsBetter: true },
  visitors: { kind: 'count', higherIsBetter: true },
  conversionRate: { kind: 'percent', higherIsBetter: true },
  aovCents: { kind: 'money', higherIsBetter: true },
  refundRate: { kind: 'percent', higherIsBetter: false },
};

export function KpiGrid({ kpis, isUpdating }: { kpis: ShopKpis; isUpdating: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const render = (key: KpiKey) => {
    const { kind } = KPI_DISPLAY[key];
    return (value: number): ReactNode => {
      if (kind === 'money') return <Money cents={roundMinorUnits(value)} currency={kpis.currency} />;
      if (kind === 'percent') return <Percent ratio={value} fractionDigits={RATE_FRACTION_DIGITS} />;
      return <span className="figure">{formatCount(value, locale)}</span>;
    };
  };
  return (
    <section className={styles.kpiGrid} aria-label={t('warRoom.kpisLabel')}>
      {KPI_KEYS.map((key) => (
        <KpiCard
          key={key}
          name={key}
          label={t(`warRoom.kpi.${key}`)}
          figure={kpis.kpis[key]}
          renderValue={render(key)}
          higherIsBetter={KPI_DISPLAY[key].higherIsBetter}
          isUpdating={isUpdating}
        />
      ))}
    </section>
  );
}

export function KpiGridSkeleton() {
  return (
    <section className={styles.kpiGrid} aria-busy="true">
      {KPI_KEYS.map((key) => (
        <div key={key} className={`surface ${styles.skeletonCard}`}>
          <Skeleton width="45%" height={13} />
          <Skeleton width="75%" height={28} />
          <Skeleton width="60%" height={12} />
        </div>
      ))}
    </section>
  );
}
