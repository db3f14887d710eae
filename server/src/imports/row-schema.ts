// Row validation with zod: each format declares which column feeds which field and how it parses;
// a failed row yields one error per bad cell, with the file's column name and the raw value.
import { type ImportReason, type ImportRowError, rowError } from '@zhanggui/shared';
import { z } from 'zod';
import { type Parsed, parseCount, parseDay, parseInstant, parseMoneyCents, truncate } from './values.js';

/** The parse function behind each cell schema, so optional() can wrap it without a nested parse. */
const parsers = new WeakMap<z.ZodType, (raw: string) => Parsed<unknown>>();

function fromParser<T>(parse: (raw: string) => Parsed<T>) {
  const schema = z.string().transform((raw, ctx): T => {
    const parsed = parse(raw);
    if (parsed.ok) return parsed.value;
    ctx.addIssue(reasonIssue(parsed.reason));
    return z.NEVER;
  });
  parsers.set(schema, parse);
  return schema;
}

/** Blank cells become null; anything else must parse. */
function optional<T>(schema: z.ZodType<T, string>) {
  const parse = parsers.get(schema) as ((raw: string) => Parsed<T>) | undefined;
  if (parse) return fromParser((raw): Parsed<T | null> => (raw.trim() === '' ? BLANK : parse(raw)));
  return z.string().transform((raw, ctx): T | null => {
    if (raw.trim() === '') return null;
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const reason = issueReason(issue);
      ctx.addIssue(reason ? reasonIssue(reason) : { code: 'custom', message: issue.message });
    }
    return z.NEVER;
  });
}
const BLANK = { ok: true, value: null } as const;

/** Trimmed text of at most maxLength characters; blank is null, or an error when required. */
function parseText(maxLength: number, required: boolean) {
  return (raw: string): Parsed<string | null> => {
    const text = raw.trim();
    if (text === '') return required ? { ok: false, reason: { code: 'empty', params: {} } } : BLANK;
    if (text.length > maxLength)
      return { ok: false, reason: { code: 'tooLong', params: { max: maxLength } } };
    return { ok: true, value: text };
  };
}

export const cell = {
  money: () => fromParser(parseMoneyCents),
  count: () => fromParser(parseCount),
  instant: (timeZone: string) => fromParser((raw) => parseInstant(raw, timeZone)),
  day: () => fromParser(parseDay),
  text: (maxLength = 500) => fromParser(parseText(maxLength, true) as (raw: string) => Parsed<string>),
  optional,
  optionalText: (maxLength = 500) => fromParser(parseText(maxLength, false)),
};

/** A row schema: field name -> how its cell parses; the column map says where the cell is. */
export type RowShape = Record<string, z.ZodType<unknown, string>>;

export interface BoundRow<S extends RowShape> {
  schema: z.ZodObject<S>;
  /** Field -> index of the column in the file. */
  indexes: Array<[keyof S & string, number]>;
  /** Field -> column header as written in the file, for error messages. */
  headers: Record<string, string>;
}

export function bindRow<S extends RowShape>(
  shape: S,
  columnIndex: Record<keyof S & string, number>,
  headerOf: Record<keyof S & string, string>,
): BoundRow<S> {
  return {
    schema: z.object(shape),
    indexes: Object.entries(columnIndex) as Array<[keyof S & string, number]>,
    headers: headerOf,
  };
}

export type RowResult<S extends RowShape> =
  | { ok: true; value: z.infer<z.ZodObject<S>> }
  | { ok: false; errors: ImportRowError[] };

export function validateRow<S extends RowShape>(
  bound: BoundRow<S>,
  fields: string[],
  line: number,
): RowResult<S> {
  const input: Record<string, string> = {};
  for (const [field, index] of bound.indexes) input[field] = fields[index] ?? '';
  const result = bound.schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors = result.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const column = bound.headers[field] ?? null;
    const raw = input[field];
    const value = raw === undefined ? null : truncate(raw);
    const reason = issueReason(issue);
    if (!reason)
      return { line, column, value, reason: column ? `${column} ${issue.message}` : issue.message };
    return rowError(line, column, value, {
      code: reason.code,
      params: column ? { ...reason.params, column } : reason.params,
    });
  });
  return { ok: false, errors };
}

/** The error for a row the parser flagged (broken quoting, wrong column count). */
export function rowProblemError(row: {
  fields: string[];
  line: number;
  problem?: ImportReason;
}): ImportRowError {
  const problem = row.problem ?? { code: 'parseError', params: { message: 'The row cannot be read.' } };
  return rowError(row.line, null, truncate(row.fields.join(',')), problem);
}

/** A zod issue that carries why a cell failed, as a reason code the page can translate. */
export function reasonIssue(reason: ImportReason) {
  return { code: 'custom' as const, message: reason.code, params: { reason } };
}

function issueReason(issue: z.core.$ZodIssue): ImportReason | null {
  const params = (issue as { params?: { reason?: ImportReason } }).params;
  return params?.reason ?? null;
}
