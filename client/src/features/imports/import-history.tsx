// Recent imports of the shop, newest first; choosing one shows it in the job panel.
import { useQuery } from '@tanstack/react-query';
import { IMPORT_STATUS_IS_FINAL } from '@zhanggui/shared';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorPanel } from '../../components/error-panel';
import { useLocale } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';
import styles from './imports.module.css';

export function ImportHistory({
  shop,
  selectedId,
  onSelect,
}: {
  shop: string;
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const trpc = useTRPC();
  const jobs = useQuery({
    ...trpc.imports.list.queryOptions({ shop, limit: 20 }),
    refetchInterval: (query) =>
      query.state.data?.some((j) => !IMPORT_STATUS_IS_FINAL[j.status]) ? 1500 : false,
  });
  if (jobs.isError)
    return (
      <ErrorPanel title={t('imports.errors.list')} error={jobs.error} onRetry={() => void jobs.refetch()} />
    );
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className={`surface ${styles.card}`} aria-labelledby="history-title">
      <h2 id="history-title" className={styles.cardTitle}>
        {t('imports.history.title')}
      </h2>
      {jobs.data && jobs.data.length === 0 && <p className={styles.meta}>{t('imports.history.empty')}</p>}
      {jobs.data && jobs.data.length > 0 && (
        <table className={styles.table} data-part="import-history">
          <thead>
            <tr>
              <th>{t('imports.history.file')}</th>
              <th>{t('imports.history.format')}</th>
              <th>{t('imports.history.status')}</th>
              <th>{t('imports.history.when')}</th>
              <th>{t('imports.history.result')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.data.map((job) => (
              <tr
                key={job.id}
                aria-selected={job.id === selectedId}
                className={job.id === selectedId ? styles.selected : ''}
              >
                <td>
                  <button type="button" className={styles.link} onClick={() => onSelect(job.id)}>
                    {job.fileName}
                  </button>
                </td>
                <td>{job.format ? t(`imports.formats.${job.format}`) : '—'}</td>
                <td>
                  <span className={styles.badge} data-status={job.status}>
                    {t(`imports.status.${job.status}`)}
                  </span>
                </td>
                <td>{when.format(new Date(job.createdAt))}</td>
                <td className="figure">
                  {t('imports.history.counts', {
                    inserted: formatCount(job.recordsInserted, locale),
                    updated: formatCount(job.recordsUpdated, locale),
                    rejected: formatCount(job.rowsRejected, locale),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
