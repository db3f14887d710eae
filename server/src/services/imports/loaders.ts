// One interface over the two ways records reach the shop's tables: orders through the OrderLoader
// (direct COPY for new orders, staging for known ones), everything else through a staging table.
import type pg from 'pg';
import type { RecordKind } from '../../imports/records.js';
import { mergeGeneric, rejectGenericConflicts } from './merge-generic.js';
import type { MergeCounts, StageRejections } from './merge-result.js';
import { mergeSkus, rejectDuplicateSkus } from './merge-skus.js';
import { OrderLoader } from './order-loader.js';
import { openStage, STAGES } from './staging.js';

export interface RecordLoader {
  add(record: unknown): void;
  /** Called between batches of the file; may write, and may reject records it cannot load. */
  afterBatch(): Promise<StageRejections>;
  /** The file is read: loads what is left and rejects what cannot be merged. */
  endOfFile(): Promise<StageRejections>;
  merge(): Promise<MergeCounts>;
  /** After a failure: stops or waits out any write in flight, so the rollback is the client's last word. */
  abort(): Promise<void>;
}

const NONE: StageRejections = { errors: [], rows: 0 };

export async function openLoader(
  client: pg.PoolClient,
  shopId: number,
  kind: RecordKind,
): Promise<RecordLoader> {
  if (kind === 'orders') {
    const loader = await OrderLoader.open(client, shopId);
    return {
      add: (record) => loader.add(record as never),
      afterBatch: () => loader.flush(),
      endOfFile: () => loader.endOfFile(),
      merge: () => loader.merge(),
      abort: () => loader.settle().catch(() => {}),
    };
  }
  const stage = await openStage(client, STAGES[kind]);
  return {
    add: (record) => stage.add(record),
    afterBatch: async () => {
      await stage.writer.drain();
      return NONE;
    },
    endOfFile: async () => {
      await stage.writer.finish();
      if (kind === 'skus') return rejectDuplicateSkus(client);
      return rejectGenericConflicts(client, shopId, kind);
    },
    merge: () => (kind === 'skus' ? mergeSkus(client, shopId) : mergeGeneric(client, shopId, kind)),
    abort: async () => stage.writer.abort(),
  };
}
