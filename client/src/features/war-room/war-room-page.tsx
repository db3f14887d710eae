// The war room: the promotion at a glance for one shop and one range of shop-local days.
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import type { PromotionSummary, ShopDetails } from '@zhanggui/shared';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useTRPC } from '../../app/trpc';
import { ErrorPanel } from '../../components/error-panel';
import { Skeleton } from '../../components/skeleton';
import { formatDateRange, offsetLabel } from '../../lib/shop-time';
import { defaultRange, lastDaysEnd, rangeChoices } from './date-ranges';
import { KpiGrid, KpiGridSkeleton } from './kpi-grid';
import { RangeControls } from './range-controls';
import { TargetProgress } from './target-progress';
import { useWarRoomRange } from './use-war-room-range';
import styles from './war-room.module.css';

// recharts is most of the bundle; the figures above the chart should not wait for it.
const HourlyGmvChart = lazy(() => import('./hourly-gmv-chart').then((m) => ({ default: m.HourlyGmvChart })));

export function WarRoomPage() {
  const shop = useParams().shop ?? '';
  // A new shop starts from its own default range, not the last shop's typed dates.
  return <WarRoom key={shop} shop={shop} />;
}

function WarRoom({ shop }: { shop: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const shopQuery = useQuery(trpc.shop.bySlug.queryOptions({ shop }));
  const promotionQuery = useQuery(trpc.shop.promotion.queryOptions({ shop }));

  if (shopQuery.isError || promotionQuery.isError) {
    const failed = shopQuery.isError ? shopQuery : promotionQuery;
    return (
      <ErrorPanel
        title={t('warRoom.errors.shop')}
        error={failed.error}
        onRetry={() => void failed.refetch()}
      />
    );
  }
  if (!shopQuery.data || promotionQuery.data === undefined) return <WarRoomSkeleton />;
  return <WarRoomLoaded shop={shopQuery.data} promotion={promotionQuery.data} />;
}

function WarRoomLoaded({ shop, promotion }: { shop: ShopDetails; promotion: PromotionSummary | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const end = useMemo(() => lastDaysEnd(shop.lastOrderAt, shop.timeZone), [shop.lastOrderAt, shop.timeZone]);
  const choices = useMemo(() => rangeChoices(promotion, shop.timeZone, end), [promotion, shop.timeZone, end]);
  const range = useWarRoomRange(
    useMemo(() => defaultRange(promotion, shop.timeZone, end), [promotion, shop.timeZone, end]),
  );
  const endsAtLastOrder = shop.lastOrderAt !== null && end.toISOString() === shop.lastOrderAt;
  const input = range.applied ? { shop: shop.slug, range: range.applied } : skipToken;
  const kpis = useQuery(trpc.shop.kpis.queryOptions(input, { placeholderData: keepPreviousData }));
  const hourly = useQuery(trpc.shop.hourlyGmv.queryOptions(input, { placeholderData: keepPreviousData }));

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title}>
            {t('areas.warRoom.title')}
            <span className={styles.shopName}>{shop.name}</span>
          </h1>
          <p className={styles.subtitle}>
            {promotion
              ? t('warRoom.promotionDates', {
                  name: promotion.name,
                  range: formatDateRange(choices[0]!.range),
                })
              : endsAtLastOrder
                ? t('warRoom.noPromotionUpToLastOrder', { day: choices[0]!.range.to })
                : t('warRoom.noPromotion')}
          </p>
        </div>
        <p className={styles.timeZone} data-part="time-zone">
          <svg
            width="14"
            height="14"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            aria-hidden="true"
          >
            <circle cx="12" cy="12" r="9" />
            <path d="M12 7v5l3 2" />
          </svg>
          {t('warRoom.timeZone', { zone: shop.timeZone, offset: offsetLabel(shop.timeZone) })}
        </p>
      </header>

      <RangeControls
        choices={choices}
        applied={range.applied}
        draft={range.draft}
        problem={range.problem}
        onChoose={range.choose}
        onEditDraft={range.editDraft}
      />

      {kpis.isError ? (
        <ErrorPanel title={t('warRoom.errors.kpis')} error={kpis.error} onRetry={() => void kpis.refetch()} />
      ) : kpis.data ? (
        <>
          <p className={styles.showing} data-part="showing">
            {t('warRoom.showing', {
              range: formatDateRange(kpis.data.range),
              previous: formatDateRange(kpis.data.previousRange),
            })}
          </p>
          <KpiGrid kpis={kpis.data} isUpdating={kpis.isPlaceholderData} />
        </>
      ) : (
        <>
          <Skeleton width={320} height={14} className={styles.showingSkeleton} />
          <KpiGridSkeleton />
        </>
      )}

      <div className={styles.lowerGrid}>
        {kpis.data ? (
          <TargetProgress kpis={kpis.data} isUpdating={kpis.isPlaceholderData} />
        ) : (
          !kpis.isError && <CardSkeleton height={150} />
        )}
        <section className={`surface ${styles.card}`} data-chart aria-busy={hourly.isFetching}>
          <div className={styles.cardHeader}>
            <h2 className={styles.cardTitle}>{t('warRoom.chart.title')}</h2>
            <PhaseLegend choices={choices} />
          </div>
          {hourly.isError ? (
            <ErrorPanel
              title={t('warRoom.errors.chart')}
              error={hourly.error}
              onRetry={() => void hourly.refetch()}
            />
          ) : hourly.data && range.applied ? (
            <div data-updating={hourly.isPlaceholderData || undefined} className={styles.chartBody}>
              <Suspense fallback={<Skeleton height={300} />}>
                <HourlyGmvChart series={hourly.data} range={range.applied} phases={choices} />
              </Suspense>
            </div>
          ) : (
            <Skeleton height={300} />
          )}
        </section>
      </div>
    </div>
  );
}

function PhaseLegend({ choices }: { choices: ReturnType<typeof rangeChoices> }) {
  const { t } = useTranslation();
  const phases = choices.filter((choice) => choice.startsAt);
  if (phases.length === 0) return null;
  return (
    <ul className={styles.legend}>
      {phases.map((phase) => (
        <li key={phase.id} data-phase={phase.id}>
          {t(`warRoom.phases.${phase.id}`)}
        </li>
      ))}
    </ul>
  );
}

function CardSkeleton({ height }: { height: number }) {
  return (
    <div className={`surface ${styles.card}`}>
      <Skeleton width="40%" height={16} />
      <Skeleton height={height - 40} className={styles.cardSkeletonBody} />
    </div>
  );
}

function WarRoomSkeleton() {
  return (
    <div className={styles.page} aria-busy="true">
      <Skeleton width={260} height={30} />
      <Skeleton width={420} height={14} />
      <Skeleton height={56} />
      <KpiGridSkeleton />
      <Skeleton height={340} />
    </div>
  );
}
