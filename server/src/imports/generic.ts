// A generic CSV of traffic or ads data, read through the column mapping the merchant chose.
import {
  type ColumnMapping,
  GENERIC_TARGET_FIELDS,
  type GenericTarget,
  type TargetField,
  TRAFFIC_SOURCES,
} from '@zhanggui/shared';
import { z } from 'zod';
import { type ColumnSpec, locateColumns } from './headers.js';
import type {
  AdDayRecord,
  FormatReader,
  RecordKind,
  SkuTrafficDailyRecord,
  TrafficHourlyRecord,
  TrafficSource,
} from './records.js';
import { bindRow, cell, type RowShape, reasonIssue, rowProblemError, validateRow } from './row-schema.js';
import { truncate } from './values.js';

/** Names merchants' tools use for our traffic sources. */
const SOURCE_ALIASES: Record<string, TrafficSource> = {
  search: 'search',
  搜索: 'search',
  recommendation: 'recommendation',
  recommend: 'recommendation',
  推荐: 'recommendation',
  ads: 'ads',
  ad: 'ads',
  paid: 'ads',
  广告: 'ads',
  付费: 'ads',
  direct: 'direct',
  直接访问: 'direct',
  直接: 'direct',
  social: 'social',
  社交: 'social',
  内容: 'social',
};

const source = z.string().transform((raw, ctx): TrafficSource => {
  const found = SOURCE_ALIASES[raw.trim().toLowerCase()];
  if (found) return found;
  ctx.addIssue(
    reasonIssue({
      code: 'notTrafficSource',
      params: { raw: truncate(raw), sources: TRAFFIC_SOURCES.join(', ') },
    }),
  );
  return z.NEVER;
});

function fieldSchema(field: TargetField, timeZone: string): z.ZodType<unknown, string> {
  const base = {
    datetime: cell.instant(timeZone),
    date: cell.day(),
    int: cell.count(),
    money: cell.money(),
    text: cell.text(255),
    source,
  }[field.kind] as z.ZodType<unknown, string>;
  if (field.required) return base;
  return field.kind === 'text' ? cell.optionalText(255) : cell.optional(base);
}

export const GENERIC_RECORD_KIND: Record<GenericTarget, RecordKind> = {
  'traffic-hourly': 'traffic-hours',
  'sku-traffic-daily': 'sku-traffic-days',
  ads: 'campaign-days',
};

export type GenericRecord = TrafficHourlyRecord | SkuTrafficDailyRecord | AdDayRecord;

/** A reader for one mapping; each row becomes the target's record, plus the file line. */
export function genericReader(mapping: ColumnMapping): FormatReader<GenericRecord> {
  const fields = GENERIC_TARGET_FIELDS[mapping.target].filter((f) => mapping.columns[f.field]);
  return {
    kind: GENERIC_RECORD_KIND[mapping.target],
    open(header, context, sink) {
      const spec = Object.fromEntries(
        fields.map((f) => [
          f.field,
          { names: [mapping.columns[f.field]!], required: true } satisfies ColumnSpec,
        ]),
      );
      const cols = locateColumns(header, spec, `${mapping.target} (mapped)`);
      const shape: RowShape = Object.fromEntries(
        fields.map((f) => [f.field, fieldSchema(f, context.timeZone)]),
      );
      const bound = bindRow(shape, cols.index, cols.name);
      return {
        row(row) {
          if (row.problem) {
            sink.reject([rowProblemError(row)], 1);
            return;
          }
          const { fields: cells, line } = row;
          const result = validateRow(bound, cells, line);
          if (!result.ok) {
            sink.reject(result.errors, 1);
            return;
          }
          sink.accept(toRecord(mapping.target, result.value as Record<string, unknown>, line));
        },
        end() {},
      };
    },
  };
}

function toRecord(target: GenericTarget, v: Record<string, unknown>, line: number): GenericRecord {
  if (target === 'traffic-hourly') {
    const hour = new Date(Math.floor((v.hour as Date).getTime() / 3_600_000) * 3_600_000);
    return {
      line,
      hour,
      source: v.source as TrafficSource,
      visitors: v.visitors as number,
      pageViews: v.pageViews as number,
    };
  }
  if (target === 'sku-traffic-daily') {
    return {
      line,
      day: v.day as Date,
      skuExternalId: v.sku as string,
      source: v.source as TrafficSource,
      impressions: v.impressions as number,
      visits: v.visits as number,
      addToCart: v.addToCart as number,
      orders: v.orders as number,
    };
  }
  return {
    line,
    campaignExternalId: v.campaignId as string,
    campaignName: (v.campaignName as string | null | undefined) ?? null,
    channel: (v.channel as string | null | undefined) ?? null,
    day: v.day as Date,
    budgetCents: (v.budget as number | null | undefined) ?? null,
    spendCents: v.spend as number,
    impressions: v.impressions as number,
    clicks: v.clicks as number,
    conversions: (v.conversions as number | null | undefined) ?? 0,
    revenueCents: (v.revenue as number | null | undefined) ?? 0,
  };
}
