// Hourly GMV for the days shown, on a shop-local time axis, with the promotion phases shaded behind it.
import type { DateRange, HourlyGmv } from '@zhanggui/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { Money } from '../../components/money';
import { useLocale } from '../../i18n/i18n';
import { formatCount, formatMoney } from '../../lib/format';
import { formatDateRange, formatShopClock, formatShopDay, formatShopHour } from '../../lib/shop-time';
import { chooseTicks } from './chart-ticks';
import type { RangeChoice } from './date-ranges';
import styles from './war-room.module.css';

/** SVG attributes cannot read CSS variables, so the chart's colours live here (same values as global.css). */
export const PHASE_COLOURS: Record<string, string> = {
  preheat: '#7b8ce0',
  launch: '#2f9e96',
  peak: '#e0793a',
  tail: '#98a2b3',
};
const LINE_COLOUR = '#2f5bd3';
const GRID_COLOUR = '#e3e7ee';
const TICK_STYLE = { fontSize: 11, fill: '#8a93a3' };

interface Point {
  at: number;
  gmvCents: number;
  orders: number;
}

interface HourlyGmvChartProps {
  series: HourlyGmv;
  range: DateRange;
  phases: RangeChoice[];
}

export function HourlyGmvChart({ series, range, phases }: HourlyGmvChartProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { timeZone, currency } = series;
  const points = useMemo<Point[]>(
    () => series.points.map((p) => ({ at: Date.parse(p.hour), gmvCents: p.gmvCents, orders: p.orders })),
    [series.points],
  );
  const axis = useMemo(
    () =>
      chooseTicks(
        points.map((p) => p.at),
        timeZone,
      ),
    [points, timeZone],
  );
  const busiest = points.reduce<Point | null>(
    (best, p) => (!best || p.gmvCents > best.gmvCents ? p : best),
    null,
  );

  if (!busiest || busiest.gmvCents === 0)
    return <p className={styles.chartEmpty}>{t('warRoom.chart.empty')}</p>;

  const start = points[0]!.at;
  // Each point sits at the start of its hour, so the line ends at the last hour's start.
  const end = points[points.length - 1]!.at;
  const shaded = phases
    .filter((phase) => phase.startsAt && phase.endsAt)
    .map((phase) => ({
      id: phase.id,
      x1: Math.max(start, Date.parse(phase.startsAt!)),
      x2: Math.min(end, Date.parse(phase.endsAt!)),
    }))
    .filter((phase) => phase.x1 < phase.x2);
  const formatTick = (at: number) =>
    axis.unit === 'day' || formatShopClock(at, timeZone, locale) === '00:00'
      ? formatShopDay(at, timeZone, locale)
      : formatShopClock(at, timeZone, locale);

  return (
    <figure
      className={styles.chartFigure}
      aria-label={t('warRoom.chart.ariaLabel', { range: formatDateRange(range) })}
    >
      <p className={styles.chartMeta} data-part="busiest">
        {t('warRoom.chart.busiest')}
        <strong>{formatShopHour(busiest.at, timeZone, locale)}</strong> ·{' '}
        <Money cents={busiest.gmvCents} currency={currency} />
      </p>
      <AreaChart
        responsive
        style={{ width: '100%', height: 300 }}
        data={points}
        margin={{ top: 22, right: 8, left: 0, bottom: 0 }}
      >
        <defs>
          <linearGradient id="gmv-fill" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor={LINE_COLOUR} stopOpacity={0.28} />
            <stop offset="100%" stopColor={LINE_COLOUR} stopOpacity={0.02} />
          </linearGradient>
        </defs>
        <CartesianGrid vertical={false} stroke={GRID_COLOUR} />
        {shaded.map((phase) => (
          <ReferenceArea
            key={phase.id}
            x1={phase.x1}
            x2={phase.x2}
            fill={PHASE_COLOURS[phase.id]}
            fillOpacity={0.09}
            label={{
              value: t(`warRoom.phases.${phase.id}`),
              position: 'insideTop',
              offset: -16,
              fontSize: 11,
              fill: PHASE_COLOURS[phase.id],
            }}
          />
        ))}
        {shaded.slice(1).map((phase) => (
          <ReferenceLine
            key={`edge-${phase.id}`}
            x={phase.x1}
            stroke={PHASE_COLOURS[phase.id]}
            strokeDasharray="3 3"
          />
        ))}
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={[start, end]}
          ticks={axis.ticks}
          tickFormatter={formatTick}
          tick={TICK_STYLE}
          tickLine={false}
          axisLine={{ stroke: GRID_COLOUR }}
          allowDataOverflow
        />
        <YAxis
          tickFormatter={(cents: number) =>
            formatMoney(Math.round(cents), currency, locale, { compact: true })
          }
          tick={TICK_STYLE}
          tickLine={false}
          axisLine={false}
          width={68}
        />
        <Tooltip
          content={(props: TooltipContentProps) => (
            <GmvTooltip {...props} timeZone={timeZone} currency={currency} />
          )}
          cursor={{ stroke: '#cfd6e1' }}
        />
        <Area
          type="monotone"
          dataKey="gmvCents"
          stroke={LINE_COLOUR}
          strokeWidth={1.6}
          fill="url(#gmv-fill)"
          isAnimationActive={false}
          dot={false}
          activeDot={{ r: 3.5 }}
        />
      </AreaChart>
    </figure>
  );
}

function GmvTooltip({
  active,
  payload,
  timeZone,
  currency,
}: TooltipContentProps & { timeZone: string; currency: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const point = payload?.[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div className={styles.tooltip}>
      <p className={styles.tooltipTime}>{formatShopHour(point.at, timeZone, locale)}</p>
      <p>
        <span>{t('warRoom.chart.gmv')}</span>
        <Money cents={point.gmvCents} currency={currency} />
      </p>
      <p>
        <span>{t('warRoom.chart.orders')}</span>
        <span className="figure">{formatCount(point.orders, locale)}</span>
      </p>
    </div>
  );
}
