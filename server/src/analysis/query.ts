// The analyses' only door to the database: parameterized SQL over a pg Pool or Client, returning rows
// with BIGINT/NUMERIC as numbers (sums of minor units stay far below 2^53) and DATE as 'YYYY-MM-DD'
// (pg would otherwise turn a date into a Date at the server process's local midnight).
import pg from 'pg';
import type { QueryFn } from './types.js';

const AS_NUMBER = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const AS_TEXT = new Set<number>([pg.types.builtins.DATE]);

const analysisTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format !== 'binary') {
      if (AS_NUMBER.has(oid)) return (value: string) => Number(value);
      if (AS_TEXT.has(oid)) return (value: string) => value;
    }
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded signature does not accept a union format
    return pg.types.getTypeParser(oid, format as any);
  },
};

export function createQueryFn(db: pg.Pool | pg.ClientBase): QueryFn {
  return async <Row extends Record<string, unknown>>(text: string, values: unknown[] = []) => {
    const result = await db.query<Row>({ text, values, types: analysisTypes });
    return result.rows;
  };
}
