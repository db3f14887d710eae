// Every number the UI shows goes through these formatters, so screens, tests and e2e specs agree.
// Money arrives as integer minor units and is handed to Intl as an exact decimal string: no float math.

/** What the UI prints for a figure that is undefined (a ratio with a zero denominator). */
export const NO_VALUE = '—';

/** Conversion and refund rates are small: two decimals tell 3.41% from 3.45%. */
export const RATE_FRACTION_DIGITS = 2;

export interface MoneyFormatOptions {
  /** Short form for axes: ¥12万, CN¥120K. */
  compact?: boolean;
}

/** Formats integer minor units (分, cents) of `currency` for `locale`. Throws on a fraction of a minor unit. */
export function formatMoney(
  minorUnits: number,
  currency: string,
  locale: string,
  options: MoneyFormatOptions = {},
): string {
  if (!Number.isSafeInteger(minorUnits)) {
    throw new RangeError(`Money must be whole minor units, got ${minorUnits}; round averages first.`);
  }
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    ...(options.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
  });
  return formatter.format(minorUnitsToDecimal(minorUnits, minorDigitsOf(currency)));
}

/** 123456 cents with 2 minor digits → "1234.56"; exact for any safe integer. */
export function minorUnitsToDecimal(minorUnits: number, minorDigits: number): `${number}` {
  const sign = minorUnits < 0 ? '-' : '';
  const digits = Math.abs(minorUnits)
    .toString()
    .padStart(minorDigits + 1, '0');
  if (minorDigits === 0) return `${sign}${digits}` as `${number}`;
  const whole = digits.slice(0, -minorDigits);
  const fraction = digits.slice(-minorDigits);
  return `${sign}${whole}.${fraction}` as `${number}`;
}

/** Minor digits of a currency per ISO 4217 as Intl knows it: CNY 2, JPY 0. */
export function minorDigitsOf(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** Rounds an average of minor units (e.g. GMV ÷ orders) to whole minor units, half away from zero. */
export function roundMinorUnits(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** A ratio as a percentage: 0.0345 → "3.45%". */
export function formatPercent(ratio: number | null, locale: string, fractionDigits = 1): string {
  if (ratio === null || !Number.isFinite(ratio)) return NO_VALUE;
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(ratio);
}

/** A relative change with its sign: 0.123 → "+12.3%", -0.05 → "-5.0%", 0 → "0.0%". */
export function formatChange(change: number | null, locale: string): string {
  if (change === null || !Number.isFinite(change)) return NO_VALUE;
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(change);
}

/** A whole count with grouping: 12345 → "12,345". */
export function formatCount(count: number | null, locale: string): string {
  if (count === null || !Number.isFinite(count)) return NO_VALUE;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(count);
}
