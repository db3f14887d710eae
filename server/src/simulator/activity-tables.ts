// COPY lines for after-sales, stock, traffic and advertising tables.
import { TRAFFIC_SOURCES } from '@zhanggui/shared';
import {
  REFUND_KINDS,
  REFUND_REASONS,
  REFUND_STATUSES,
  TICKET_STATUSES,
  TICKET_SUBJECTS,
} from './after-sales.js';
import { HOUR, localDate, TimestampText } from './calendar.js';
import { CATEGORIES } from './categories.js';
import { NULL, nullable, type TableRows, text } from './copy-text.js';
import { dailyOnHand } from './stock.js';
import { REVIEWS_EN, REVIEWS_ZH, reviewTone, TICKET_CHANNELS } from './texts.js';
import { skuFunnels, trafficHourly } from './traffic.js';
import type { World } from './world.js';

export function activityTables(world: World, shopId: number): TableRows[] {
  const { season, catalog, sales, afterSales, stock, ads, options } = world;
  const ts = new TimestampText(season);
  const opt = (sec: number) => (sec < 0 ? NULL : ts.format(sec));
  const days = Array.from({ length: season.days }, (_, d) => localDate(season, d));
  const oc = sales.orders.cols;
  const lc = sales.lines.cols;
  const skuOfLine = (line: number) => lc.sku[line]!;
  return [
    {
      table: 'refunds',
      columns: [
        'shop_id',
        'id',
        'external_id',
        'order_id',
        'sku_id',
        'kind',
        'status',
        'quantity',
        'amount_cents',
        'reason',
        'requested_at',
        'resolved_at',
      ],
      *lines() {
        const rc = afterSales.refunds.cols;
        for (let r = 0; r < afterSales.refunds.length; r++) {
          const id = r + 1;
          yield `${shopId}\t${id}\tRF${String(id).padStart(8, '0')}\t${rc.order[r]! + 1}\t${skuOfLine(rc.line[r]!)}\t${REFUND_KINDS[rc.kind[r]!]}\t${REFUND_STATUSES[rc.status[r]!]}\t${rc.qty[r]}\t${rc.amount[r]}\t${REFUND_REASONS[rc.reason[r]!]}\t${ts.format(rc.requested[r]!)}\t${opt(rc.resolved[r]!)}\n`;
        }
      },
    },
    {
      table: 'reviews',
      columns: [
        'shop_id',
        'id',
        'external_id',
        'order_id',
        'sku_id',
        'customer_id',
        'rating',
        'text',
        'language',
        'created_at',
      ],
      *lines() {
        const vc = afterSales.reviews.cols;
        for (let v = 0; v < afterSales.reviews.length; v++) {
          const id = v + 1;
          const sku = skuOfLine(vc.line[v]!);
          const english = vc.english[v] === 1;
          const template = (english ? REVIEWS_EN : REVIEWS_ZH)[reviewTone(vc.rating[v]!)][vc.template[v]!]!;
          const noun = CATEGORIES[catalog.skus[sku - 1]!.categoryIndex]!.name;
          yield `${shopId}\t${id}\tRV${String(id).padStart(8, '0')}\t${vc.order[v]! + 1}\t${sku}\t${oc.customer[vc.order[v]!]}\t${vc.rating[v]}\t${text(template.replace('{p}', noun))}\t${english ? 'en' : 'zh'}\t${ts.format(vc.created[v]!)}\n`;
        }
      },
    },
    {
      table: 'tickets',
      columns: [
        'shop_id',
        'id',
        'order_id',
        'customer_id',
        'sku_id',
        'channel',
        'category',
        'status',
        'subject',
        'opened_at',
        'first_response_at',
        'resolved_at',
      ],
      *lines() {
        const tc = afterSales.tickets.cols;
        for (let t = 0; t < afterSales.tickets.length; t++) {
          const o = tc.order[t]!;
          const subject = TICKET_SUBJECTS[tc.subject[t]!]!;
          yield `${shopId}\t${t + 1}\t${o + 1}\t${oc.customer[o]}\t${skuOfLine(oc.firstLine[o]!)}\t${TICKET_CHANNELS[tc.channel[t]!]}\t${subject.category}\t${TICKET_STATUSES[tc.status[t]!]}\t${subject.subject}\t${ts.format(tc.opened[t]!)}\t${opt(tc.firstResponse[t]!)}\t${opt(tc.resolved[t]!)}\n`;
        }
      },
    },
    {
      table: 'inventory',
      columns: [
        'shop_id',
        'sku_id',
        'warehouse_id',
        'on_hand',
        'reserved',
        'inbound',
        'lead_time_days',
        'updated_at',
      ],
      *lines() {
        const now = ts.format(season.nowSec);
        for (const sku of catalog.skus) {
          for (let slot = 0; slot < sku.warehouseIds.length; slot++) {
            const pair = (sku.id - 1) * 2 + slot;
            yield `${shopId}\t${sku.id}\t${sku.warehouseIds[slot]}\t${stock.closing[pair]}\t0\t0\t${stock.leadTimeDays[pair]}\t${now}\n`;
          }
        }
      },
    },
    {
      table: 'inventory_daily',
      columns: ['shop_id', 'day', 'sku_id', 'warehouse_id', 'on_hand_end', 'units_sold'],
      *lines() {
        const onHand = catalog.skus.flatMap((sku) =>
          sku.warehouseIds.map((_, slot) => {
            const series = new Int32Array(season.days);
            dailyOnHand(season, sales, stock, (sku.id - 1) * 2 + slot, series);
            return { sku, slot, series };
          }),
        );
        for (let d = 0; d < season.days; d++) {
          for (const { sku, slot, series } of onHand) {
            const sold = sales.unitsSold[((sku.id - 1) * 2 + slot) * season.days + d];
            yield `${shopId}\t${days[d]}\t${sku.id}\t${sku.warehouseIds[slot]}\t${series[d]}\t${sold}\n`;
          }
        }
      },
    },
    {
      table: 'traffic_hourly',
      columns: ['shop_id', 'hour', 'source', 'visitors', 'page_views'],
      *lines() {
        for (const row of trafficHourly(options.seed, season, sales.orders.length)) {
          yield `${shopId}\t${ts.format(row.hour * HOUR)}\t${TRAFFIC_SOURCES[row.source]}\t${row.visitors}\t${row.pageViews}\n`;
        }
      },
    },
    {
      table: 'sku_traffic_daily',
      columns: ['shop_id', 'day', 'sku_id', 'source', 'impressions', 'visits', 'add_to_cart', 'orders'],
      *lines() {
        for (const f of skuFunnels(options.seed, season, catalog, world.demand, sales)) {
          yield `${shopId}\t${days[f.day]}\t${f.skuId}\t${TRAFFIC_SOURCES[f.source]}\t${f.impressions}\t${f.visits}\t${f.addToCart}\t${f.orders}\n`;
        }
      },
    },
    {
      table: 'ad_campaigns',
      columns: [
        'shop_id',
        'id',
        'external_id',
        'name',
        'channel',
        'status',
        'daily_budget_cents',
        'sku_id',
        'starts_on',
        'ends_on',
      ],
      *lines() {
        for (const c of ads.campaigns) {
          yield `${shopId}\t${c.id}\tAD-${c.id}\t${text(c.name)}\t${c.channel}\tactive\t${c.dailyBudgetCents}\t${nullable(c.skuId)}\t${days[c.startDay]}\t${NULL}\n`;
        }
      },
    },
    {
      table: 'ad_campaign_daily',
      columns: [
        'shop_id',
        'campaign_id',
        'day',
        'budget_cents',
        'spend_cents',
        'impressions',
        'clicks',
        'conversions',
        'revenue_cents',
      ],
      *lines() {
        const c = ads.daily.cols;
        for (let i = 0; i < ads.daily.length; i++) {
          yield `${shopId}\t${c.campaign[i]}\t${days[c.day[i]!]}\t${c.budget[i]}\t${c.spend[i]}\t${c.impressions[i]}\t${c.clicks[i]}\t${c.conversions[i]}\t${c.revenue[i]}\n`;
        }
      },
    },
    {
      table: 'ad_campaign_hourly',
      columns: [
        'shop_id',
        'campaign_id',
        'hour',
        'spend_cents',
        'impressions',
        'clicks',
        'conversions',
        'revenue_cents',
      ],
      *lines() {
        const c = ads.hourly.cols;
        for (let i = 0; i < ads.hourly.length; i++) {
          yield `${shopId}\t${c.campaign[i]}\t${ts.format(c.hour[i]! * HOUR)}\t${c.spend[i]}\t${c.impressions[i]}\t${c.clicks[i]}\t${c.conversions[i]}\t${c.revenue[i]}\n`;
        }
      },
    },
    {
      table: 'creatives',
      columns: [
        'shop_id',
        'id',
        'external_id',
        'campaign_id',
        'sku_id',
        'name',
        'format',
        'headline',
        'launched_on',
      ],
      *lines() {
        for (const k of ads.creatives) {
          const campaign = ads.campaigns[k.campaignId - 1]!;
          yield `${shopId}\t${k.id}\tCR-${k.id}\t${k.campaignId}\t${nullable(k.skuId)}\t${text(k.name)}\t${k.format}\t${text(k.headline)}\t${days[campaign.startDay]}\n`;
        }
      },
    },
    {
      table: 'creative_daily',
      columns: ['shop_id', 'creative_id', 'day', 'impressions', 'clicks'],
      *lines() {
        const c = ads.creativeDaily.cols;
        for (let i = 0; i < ads.creativeDaily.length; i++) {
          yield `${shopId}\t${c.creative[i]}\t${days[c.day[i]!]}\t${c.impressions[i]}\t${c.clicks[i]}\n`;
        }
      },
    },
  ];
}
