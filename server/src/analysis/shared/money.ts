// Money for summaries and strategy titles only; figures stay integer minor units (分).

const formatters = new Map<string, Intl.NumberFormat>();

/** ¥3,000 or ¥3,000.50: minor units to a short, readable amount in the shop's currency. */
export function formatMoney(cents: number, currency: string): string {
  const whole = Math.round(cents) % 100 === 0;
  const key = `${currency}:${whole}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat('zh-CN', {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(Math.round(cents) / 100);
}

export function formatPercent(ratio: number | null, digits = 0): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(digits)}%`;
}
