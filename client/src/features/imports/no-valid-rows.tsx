// A checked file none of whose rows can be imported: say so plainly instead of offering to import
// zero rows, and when every row was refused for being in another currency, offer a shop in it.
import { type ImportJobDetail, rejectedFileCurrency } from '@zhanggui/shared';
import { useTranslation } from 'react-i18next';
import styles from './imports.module.css';
import { type NewShopPrefill, platformOfFormat } from './new-shop-values';

interface NoValidRowsProps {
  job: ImportJobDetail;
  /** Null while the New shop form is already open. */
  onCreateShopFor: ((prefill: NewShopPrefill) => void) | null;
}

export function NoValidRows({ job, onCreateShopFor }: NoValidRowsProps) {
  const { t } = useTranslation();
  const currency = rejectedFileCurrency(job.firstErrors);
  return (
    <div className={styles.decision} data-part="no-valid-rows">
      <p className={styles.failure}>
        {job.rowsRead === 0
          ? t('imports.job.noRows')
          : currency
            ? t('imports.job.noValidRowsCurrency', { count: job.rowsRead, currency })
            : t('imports.job.noValidRows', { count: job.rowsRead })}
      </p>
      {currency && onCreateShopFor && (
        <button
          type="button"
          className={styles.primary}
          onClick={() => onCreateShopFor({ currency, platform: platformOfFormat(job.format) })}
        >
          {t('imports.job.createShopFor', { currency })}
        </button>
      )}
    </div>
  );
}
