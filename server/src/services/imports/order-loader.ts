// Loads imported orders in batches. Orders new to the shop go straight into orders and order_lines
// with COPY (ids reserved from the sequence, customers and SKUs matched or created per batch), which
// is what makes a first import of a large export fast; orders the shop already has are staged and
// merged at the end, so re-imports and overlapping files update instead of duplicating.
import { type ImportRowError, rowError } from '@zhanggui/shared';
import type pg from 'pg';
import { maySkipForeignKeyChecks } from '../../db/foreign-key-checks.js';
import type { OrderRecord } from '../../imports/records.js';
import { type HourWindow, refreshDailyRollup, refreshRollups } from '../rollups/refresh-rollups.js';
import { copyLine, copyValue } from './copy-writer.js';
import {
  analyzeIfStale,
  BULK_LOAD_ORDERS,
  mergeStagedOrders,
  type PlacedWindow,
  placedHours,
  REFRESH_STATISTICS,
  refreshOrderRollups,
  rejectDuplicateOrders,
  widenWindow,
} from './merge-orders.js';
import type { MergeCounts, StageRejections } from './merge-result.js';
import { LINE_COPY_COLUMNS, ORDER_COPY_COLUMNS, orderValues } from './order-columns.js';
import {
  CUSTOMER_COPY_COLUMNS,
  type KnownCustomer,
  MAX_KNOWN_CUSTOMERS,
  newShopCustomerWrites,
  upsertBatchCustomers,
  upsertBatchSkus,
  upsertCustomers,
} from './order-loader-refs.js';
import { RolledUpHours } from './rolled-up-hours.js';
import { ORDER_STAGE } from './staging.js';
import { StatementQueue, type Statements } from './statement-queue.js';

const BATCH_ORDERS = 5000;
/** The first batch is small and each next one twice as large, up to BATCH_ORDERS: PostgreSQL starts writing while the file is still being read. */
const FIRST_BATCH_ORDERS = 1000;
const MAX_ID_BLOCK = 50_000;

/** An order waiting for its batch, with its COPY rows once formatted. */
interface PendingOrder {
  order: OrderRecord;
  rows?: FormattedRows;
}

/**
 * A new order's COPY rows without the ids the database hands out (order, customer, SKU): formatted
 * while the batch ahead of it is being written, and completed with the ids when its turn comes. The
 * tails follow ORDER_COPY_COLUMNS and LINE_COPY_COLUMNS after the ids.
 */
interface FormattedRows {
  /** The order's row from its status on. */
  orderTail: string;
  /** Each line's row from its quantity on. */
  lineTails: string[];
}

function formattedRows(pending: PendingOrder): FormattedRows {
  pending.rows ??= {
    orderTail: copyLine(orderValues(pending.order)),
    lineTails: pending.order.lines.map((l) =>
      copyLine([l.quantity, l.unitPriceCents, l.discountCents, l.totalCents]),
    ),
  };
  return pending.rows;
}

/**
 * Ids from a sequence, as the database hands them out: in blocks that double (up to MAX_ID_BLOCK), so a
 * large file asks a few times, not once a batch, and a small one takes just what it needs. Ids left over
 * at the end are a gap in the sequence, as after a rollback.
 */
class ReservedIds {
  private ids: string[] = [];
  private block = 0;

  constructor(
    private readonly statements: Statements,
    private readonly sequence: string,
  ) {}

  async take(count: number): Promise<string[]> {
    if (this.ids.length < count) {
      this.block = Math.max(count, Math.min(this.block * 2, MAX_ID_BLOCK));
      const { rows } = await this.statements.query<{ ids: string[] }>(
        'SELECT array_agg(nextval($1::regclass)) AS ids FROM generate_series(1, $2)',
        [this.sequence, this.block - this.ids.length],
      );
      this.ids = this.ids.concat(rows[0]!.ids);
    }
    return this.ids.splice(0, count);
  }
}

export class OrderLoader {
  private pending: OrderRecord[] = [];
  private batchOrders = FIRST_BATCH_ORDERS;
  /** The batch whose statements are being prepared and sent. */
  private preparing: Promise<void> | null = null;
  /** Each sent batch's statements, oldest first. */
  private writing: Array<Promise<void>> = [];
  private failure: unknown = null;
  private rejected: StageRejections = { errors: [], rows: 0 };
  private inserted = 0;
  private staged = 0;
  /** When the directly loaded orders were placed. */
  private window: PlacedWindow | null = null;
  private readonly rolledUp = new RolledUpHours();
  /** Whether the planner's statistics were checked for this shop before a refresh on the way. */
  private statisticsChecked = false;
  /** The statistics of orders and refunds were refreshed on the way, and the lines' not yet. */
  private linesStatisticsOwed = false;
  private readonly skuIds = new Map<string, number>();
  private readonly customers = new Map<string, KnownCustomer>();
  /** Every statement of the load goes through here: a batch's are sent while the one ahead is written. */
  private readonly statements: StatementQueue;
  private readonly orderIds: ReservedIds;
  private readonly customerIds: ReservedIds;
  /** New customers go in by COPY with reserved ids while the shop has only those this import wrote. */
  private customersByCopy: boolean;

  /** Orders loaded by this import, kept only while the shop had no orders before it (see knownOrders). */
  private readonly loadedIds = new Set<string>();

  private constructor(
    private readonly client: pg.PoolClient,
    private readonly shopId: number,
    sequences: { orders: string; customers: string },
    private readonly timeZone: string,
    private readonly isFirstImport: boolean,
    hasCustomers: boolean,
    private readonly maySkipForeignKeyChecks: boolean,
  ) {
    this.statements = new StatementQueue(client);
    this.orderIds = new ReservedIds(this.statements, sequences.orders);
    this.customerIds = new ReservedIds(this.statements, sequences.customers);
    this.customersByCopy = !hasCustomers;
  }

  static async open(client: pg.PoolClient, shopId: number): Promise<OrderLoader> {
    await client.query(ORDER_STAGE.ddl);
    const { rows } = await client.query<{
      orders_seq: string;
      customers_seq: string;
      has_orders: boolean;
      has_customers: boolean;
      time_zone: string;
    }>(
      `SELECT pg_get_serial_sequence('orders', 'id') AS orders_seq,
              pg_get_serial_sequence('customers', 'id') AS customers_seq,
              EXISTS (SELECT 1 FROM orders WHERE shop_id = $1) AS has_orders,
              EXISTS (SELECT 1 FROM customers WHERE shop_id = $1) AS has_customers,
              (SELECT time_zone FROM shops WHERE id = $1) AS time_zone`,
      [shopId],
    );
    // What the loader writes until the end of the file holds its references by construction (see
    // insertFresh), so where the role may, the per-row foreign-key triggers (as costly as the writes
    // themselves) are off until then. The one lock the skipped checks on the shop would have taken is
    // taken here: the shop cannot go until this import ends. A failure rolls back the setting with the rest.
    const maySkip = await maySkipForeignKeyChecks(client);
    if (maySkip) {
      await client.query('SELECT 1 FROM shops WHERE id = $1 FOR KEY SHARE', [shopId]);
      await client.query('SET LOCAL session_replication_role = replica');
    }
    const found = rows[0]!;
    return new OrderLoader(
      client,
      shopId,
      { orders: found.orders_seq, customers: found.customers_seq },
      found.time_zone,
      !found.has_orders,
      found.has_customers,
      maySkip,
    );
  }

  add(order: OrderRecord): void {
    this.pending.push(order);
  }

  /**
   * Starts loading the pending orders once a batch is full (or always, with force) and returns the rows
   * rejected so far. The load runs while the caller parses the next batch. A batch's statements go to
   * PostgreSQL without waiting for each other, and the next batch is prepared while they run and queued
   * behind them: at most two batches are written at a time.
   */
  async flush(force = false): Promise<StageRejections> {
    const isFull = this.pending.length >= this.batchOrders || (force && this.pending.length > 0);
    if (isFull) {
      const batch = this.pending.map((order): PendingOrder => ({ order }));
      this.pending = [];
      this.batchOrders = Math.min(this.batchOrders * 2, BATCH_ORDERS);
      // Ahead of time only while the file has brought new orders alone: a re-import's orders are
      // staged, and rows formatted for them would be thrown away.
      if (this.staged === 0) for (const pending of batch) formattedRows(pending);
      // The batch ahead has sent its statements, so this one's follow them on the client's queue.
      await this.preparing;
      while (this.writing.length > 1) await this.writing.shift();
      if (this.failure) throw this.failure;
      this.preparing = this.loadBatch(batch).catch(this.fail);
    }
    if (force) await this.settle();
    if (this.failure) throw this.failure;
    const taken = this.rejected;
    this.rejected = { errors: [], rows: 0 };
    return taken;
  }

  /** Waits for every batch in flight and rethrows the first failure; call before anything else uses the client. */
  async settle(): Promise<void> {
    await this.preparing;
    this.preparing = null;
    await Promise.all(this.writing);
    this.writing = [];
    if (this.failure) throw this.failure;
  }

  /** Keeps the first failure: statements queued behind a failed one fail only because it did. */
  private readonly fail = (error: unknown) => {
    this.failure ??= error;
  };

  /** Statements sent and not awaited, in the order sent; settle() waits for them. */
  private sent(statements: Array<Promise<unknown>>): void {
    this.writing.push(Promise.all(statements).then(() => {}, this.fail));
  }

  private async loadBatch(batch: PendingOrder[]): Promise<void> {
    const { fresh, existing, rejected } = await this.sortBatch(batch);
    this.rejected = {
      errors: [...this.rejected.errors, ...rejected.errors],
      rows: this.rejected.rows + rejected.rows,
    };
    if (existing.length > 0) await this.stage(existing.map((f) => f.order));
    if (fresh.length > 0) await this.insertFresh(fresh);
  }

  /** Loads the rest of the file; returns what it rejected, duplicates among the staged orders included. */
  async endOfFile(): Promise<StageRejections> {
    const last = await this.flush(true);
    if (this.maySkipForeignKeyChecks) await this.client.query('SET LOCAL session_replication_role = origin');
    if (this.staged === 0) return last;
    const duplicates = await rejectDuplicateOrders(this.client);
    return { errors: [...last.errors, ...duplicates.errors], rows: last.rows + duplicates.rows };
  }

  /** Merges the staged orders and refreshes the rollups of every hour the import touched. */
  async merge(): Promise<MergeCounts> {
    let counts: MergeCounts = { inserted: 0, updated: 0, unchanged: 0 };
    const hours: HourWindow[] = [];
    if (this.window) {
      const loaded = this.rolledUp.remaining(this.window.first.getTime(), this.window.last.getTime());
      for (const r of loaded) hours.push({ from: new Date(r.from), to: new Date(r.to) });
    }
    if (this.staged > 0) {
      const merged = await mergeStagedOrders(this.client, this.shopId);
      counts = merged.counts;
      if (merged.window) hours.push(placedHours(merged.window));
    }
    const total = { ...counts, inserted: counts.inserted + this.inserted };
    const analyzed = await refreshOrderRollups(
      this.client,
      this.shopId,
      hours,
      total.inserted + total.updated,
    );
    // The orders' statistics, refreshed on the way, may still hold; the lines' were left for now.
    if (!analyzed && this.linesStatisticsOwed) await this.client.query('ANALYZE order_lines');
    // The refreshes on the way left the days alone: a batch ends mid-day, and each day is summed once here.
    const refreshed = this.rolledUp.refreshed();
    if (refreshed) {
      const window = { from: new Date(refreshed.from), to: new Date(refreshed.to) };
      await refreshDailyRollup(this.client, this.shopId, window, { timeZone: this.timeZone });
    }
    return total;
  }

  /** New orders load directly; known ones are staged; a second copy of an order loaded earlier from this file is rejected. */
  private async sortBatch(batch: PendingOrder[]) {
    const known = await this.knownOrders(batch.map((f) => f.order));
    const fresh: PendingOrder[] = [];
    const existing: PendingOrder[] = [];
    const errors: ImportRowError[] = [];
    let rejectedRows = 0;
    const seen = new Set<string>();
    for (const formatted of batch) {
      const order = formatted.order;
      const loadedEarlier = known.get(order.externalId);
      if (loadedEarlier === true || seen.has(order.externalId)) {
        errors.push(
          rowError(order.line, null, order.externalId, {
            code: 'duplicateOrder',
            params: { order: order.externalId },
          }),
        );
        rejectedRows += order.rows;
      } else if (loadedEarlier === false) existing.push(formatted);
      else fresh.push(formatted);
      seen.add(order.externalId);
    }
    return { fresh, existing, rejected: { errors, rows: rejectedRows } };
  }

  /**
   * Which of the batch's orders the shop has, and whether this import loaded them. Into a shop without
   * orders (a first import) every order is new, so a set of this import's ids answers without a query.
   */
  private async knownOrders(batch: OrderRecord[]): Promise<Map<string, boolean>> {
    if (this.isFirstImport) {
      const known = new Map<string, boolean>();
      for (const o of batch) if (this.loadedIds.has(o.externalId)) known.set(o.externalId, true);
      return known;
    }
    const { rows } = await this.statements.query<{ external_id: string; is_this_import: boolean }>(
      `SELECT external_id, xmin::text::bigint = (txid_current() % 4294967296) AS is_this_import
       FROM orders WHERE shop_id = $1 AND external_id = ANY($2::text[])`,
      [this.shopId, batch.map((o) => o.externalId)],
    );
    return new Map(rows.map((r) => [r.external_id, r.is_this_import]));
  }

  private async stage(orders: OrderRecord[]): Promise<void> {
    const chunks: string[] = [];
    const sink = { add: (values: Parameters<typeof copyLine>[0]) => chunks.push(copyLine(values)) };
    for (const order of orders) ORDER_STAGE.add(sink, order);
    await this.statements.copyText(ORDER_STAGE.table, ORDER_STAGE.columns, chunks.join(''));
    this.staged += orders.length;
  }

  /**
   * Every reference this writes holds by construction, so it needs no foreign-key trigger (see open):
   * customers and SKUs point at the shop, a new SKU at the product written just before it, each line
   * at the order COPYed just before it from the same reserved ids.
   */
  private async insertFresh(batch: PendingOrder[]): Promise<void> {
    const orders = batch.map((f) => f.order);
    const writingCustomers = await this.writeCustomers(orders);
    await upsertBatchSkus(this.statements, this.shopId, orders, this.skuIds);
    const ids = await this.orderIds.take(orders.length);
    const shop = `${this.shopId}\t`;
    const orderRows: string[] = [];
    const refunds: Array<[string, OrderRecord]> = [];
    const placedTimes = new Array<number>(batch.length);
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    batch.forEach((pending, i) => {
      const o = pending.order;
      const id = ids[i]!;
      const customerId = o.customer ? (this.customers.get(o.customer.externalId)?.id ?? null) : null;
      const { orderTail } = formattedRows(pending);
      orderRows.push(`${shop}${id}\t${copyValue(o.externalId)}\t${copyValue(customerId)}\t${orderTail}`);
      if (o.refundedCents > 0) refunds.push([id, o]);
      if (this.isFirstImport) this.loadedIds.add(o.externalId);
      const placed = o.placedAt.getTime();
      placedTimes[i] = placed;
      if (placed < first) first = placed;
      if (placed > last) last = placed;
    });
    this.window = widenWindow(this.window, [new Date(first), new Date(last)]);
    // The lines are put together while PostgreSQL writes the orders.
    const writingOrders = this.statements.copyText('orders', ORDER_COPY_COLUMNS, orderRows.join(''));
    const lineRows: string[] = [];
    batch.forEach((pending, i) => {
      const { lineTails } = formattedRows(pending);
      pending.order.lines.forEach((l, j) => {
        const skuId = l.skuExternalId ? (this.skuIds.get(l.skuExternalId) ?? null) : null;
        lineRows.push(`${shop}${ids[i]}\t${l.lineNo}\t${copyValue(skuId)}\t${lineTails[j]}`);
      });
    });
    const writingLines = this.statements.copyText('order_lines', LINE_COPY_COLUMNS, lineRows.join(''));
    this.sent([
      ...writingCustomers,
      writingOrders,
      writingLines,
      ...(refunds.length > 0 ? [this.insertRefunds(refunds)] : []),
    ]);
    this.inserted += orders.length;
    this.rollUpPassedHours(placedTimes);
  }

  /**
   * Refreshes the rollups of the hours the file has moved past (see RolledUpHours), queued behind the
   * batch's writes, so PostgreSQL sums them while the next batch is prepared rather than all at the end.
   */
  private rollUpPassedHours(placedTimes: number[]): void {
    // A small file is refreshed at the end, in one go.
    if (this.inserted < BULK_LOAD_ORDERS) return;
    const window = this.window!;
    const range = this.rolledUp.afterBatch(placedTimes, window.first.getTime(), window.last.getTime());
    if (!range) return;
    const hours = { from: new Date(range.from), to: new Date(range.to) };
    // Statistics from before the load may not know the shop: checked before the first refresh, for
    // what it is planned by (the lines' are left to the end, see merge).
    const checkStatistics = !this.statisticsChecked;
    this.statisticsChecked = true;
    const written = this.inserted;
    this.sent([
      this.statements.run(async (client) => {
        if (checkStatistics && (await analyzeIfStale(client, this.shopId, written, REFRESH_STATISTICS))) {
          this.linesStatisticsOwed = true;
        }
        await refreshRollups(client, this.shopId, hours, { timeZone: this.timeZone, daily: false });
      }),
    ]);
  }

  /**
   * Writes the batch's customers and fills this.customers with their ids. Into a shop whose customers
   * are all this import's, new ones need no round trip: their COPY is sent and not awaited (returned),
   * and the orders COPY queued after it may point at them. Otherwise the ids come back from an upsert.
   */
  private async writeCustomers(orders: OrderRecord[]): Promise<Array<Promise<unknown>>> {
    if (this.customersByCopy && this.customers.size + orders.length > MAX_KNOWN_CUSTOMERS) {
      // Too many to keep in memory: from here on the upsert, which finds the ones written earlier.
      this.customersByCopy = false;
    }
    if (!this.customersByCopy) {
      await upsertBatchCustomers(this.statements, this.shopId, orders, this.customers);
      return [];
    }
    const writes = await newShopCustomerWrites(this.shopId, orders, this.customers, (n) =>
      this.customerIds.take(n),
    );
    const sent: Array<Promise<unknown>> = [];
    if (writes.copyText) {
      sent.push(this.statements.copyText('customers', CUSTOMER_COPY_COLUMNS, writes.copyText));
    }
    if (writes.updates) sent.push(upsertCustomers(this.statements, writes.updates));
    return sent;
  }

  /** Same refund rows as the merge writes (syncRefunds), for orders loaded directly. */
  private async insertRefunds(refunds: Array<[string, OrderRecord]>): Promise<void> {
    await this.statements.query(
      `INSERT INTO refunds (shop_id, external_id, order_id, kind, status, amount_cents, reason, requested_at, resolved_at)
       SELECT $1, ext || ':refund', order_id, 'refund_only', 'completed', amount, 'Refunded amount in the imported order', at, at
       FROM unnest($2::text[], $3::bigint[], $4::int[], $5::timestamptz[]) AS r(ext, order_id, amount, at)`,
      [
        this.shopId,
        refunds.map(([, o]) => o.externalId),
        refunds.map(([id]) => id),
        refunds.map(([, o]) => o.refundedCents),
        refunds.map(([, o]) => o.cancelledAt ?? o.paidAt ?? o.placedAt),
      ],
    );
  }
}
