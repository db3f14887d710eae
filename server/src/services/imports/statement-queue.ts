// One connection's statements in the order they were asked for, each sent once the one before it is
// done, so a caller may ask for the next before awaiting the last (pg is dropping its own queue for that).
import type pg from 'pg';
import { CopyWriter } from './copy-writer.js';

export interface Statements {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>>;
  /** COPYs text already in COPY's format into the table's columns. */
  copyText(table: string, columns: readonly string[], text: string): Promise<void>;
}

export class StatementQueue implements Statements {
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: pg.PoolClient | pg.Client) {}

  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]) {
    return this.enqueue(() => this.client.query<R>(text, values));
  }

  copyText(table: string, columns: readonly string[], text: string) {
    return this.enqueue(() => CopyWriter.copyText(this.client, table, columns, text));
  }

  /** Runs several statements as one turn of the queue (each awaited by `work`), none of others in between. */
  run<T>(work: (client: pg.PoolClient | pg.Client) => Promise<T>): Promise<T> {
    return this.enqueue(() => work(this.client));
  }

  private enqueue<T>(send: () => Promise<T>): Promise<T> {
    // A failed statement reports to its own caller; the ones after it are still sent, in order.
    const result = this.last.then(send);
    this.last = result.catch(() => {});
    return result;
  }
}
