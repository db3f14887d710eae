import { useLocale } from '../i18n/i18n';
import { formatMoney } from '../lib/format';

interface MoneyProps {
  /** Integer minor units (分, cents). */
  cents: number;
  currency: string;
  compact?: boolean;
}

/** Every amount of money on screen: integer minor units in, the UI language's currency format out. */
export function Money({ cents, currency, compact = false }: MoneyProps) {
  const locale = useLocale();
  return <span className="figure">{formatMoney(cents, currency, locale, { compact })}</span>;
}
