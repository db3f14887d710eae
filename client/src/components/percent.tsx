import { useLocale } from '../i18n/i18n';
import { formatPercent } from '../lib/format';

interface PercentProps {
  /** A ratio: 0.0345 is 3.45%. Null shows "—". */
  ratio: number | null;
  fractionDigits?: number;
}

/** Every percentage on screen. */
export function Percent({ ratio, fractionDigits = 1 }: PercentProps) {
  const locale = useLocale();
  return <span className="figure">{formatPercent(ratio, locale, fractionDigits)}</span>;
}
