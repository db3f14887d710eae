// Step 2: one import job as the server reports it. Polls while the job is queued or running, shows
// the dry run's counts and row errors, and offers "import", "import the valid rows" or "cancel"; a
// check that left no valid row says so, and offers a shop in the file's currency when that was why.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IMPORT_STATUS_IS_FINAL,
  type ImportJobDetail,
  isLeftOutWithOrder,
  localizedReason,
} from '@zhanggui/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorPanel } from '../../components/error-panel';
import { useLanguage, useLocale } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';
import styles from './imports.module.css';
import type { NewShopPrefill } from './new-shop-values';
import { NoValidRows } from './no-valid-rows';
import { errorsCsvUrl } from './upload-file';
import { ProgressBar } from './upload-form';

const POLL_MS = 700;

interface ImportJobPanelProps {
  shop: string;
  jobId: number;
  /** Opens the New shop form prefilled for a file rejected for its currency; null while it is open. */
  onCreateShopFor: ((prefill: NewShopPrefill) => void) | null;
}

export function ImportJobPanel({ shop, jobId, onCreateShopFor }: ImportJobPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const job = useQuery({
    ...trpc.imports.byId.queryOptions({ shop, jobId }),
    refetchInterval: (query) =>
      query.state.data && IMPORT_STATUS_IS_FINAL[query.state.data.status] ? false : POLL_MS,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.imports.byId.queryKey({ shop, jobId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey() }),
    ]);
  const status = job.data?.status;
  // The history's row follows as soon as this job ends, not at its next poll.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the status change matters
  useEffect(() => {
    if (status && IMPORT_STATUS_IS_FINAL[status]) {
      void queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey() });
    }
  }, [status]);
  const start = useMutation(trpc.imports.start.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.imports.cancel.mutationOptions({ onSuccess: refresh }));

  if (job.isError)
    return (
      <ErrorPanel title={t('imports.errors.load')} error={job.error} onRetry={() => void job.refetch()} />
    );
  if (!job.data) return <section className={`surface ${styles.card}`} aria-busy="true" />;
  const data = job.data;
  const isActive = !IMPORT_STATUS_IS_FINAL[data.status];
  const validRows = data.rowsRead - data.rowsRejected;
  // A problem with the whole file is said once, in the reader's language, not as a one-row error table.
  const isFileProblem = data.status === 'failed' && data.rowsRejected === 0;
  const fileProblem = data.firstErrors[0];

  return (
    <section
      className={`surface ${styles.card}`}
      aria-labelledby="job-title"
      data-import-status={data.status}
    >
      <h2 id="job-title" className={styles.cardTitle}>
        {data.fileName}
        <span className={styles.badge} data-status={data.status}>
          {t(`imports.status.${data.status}`)}
        </span>
      </h2>
      <p className={styles.meta}>
        {data.format ? t(`imports.formats.${data.format}`) : t('imports.formats.auto')}
        {data.encoding ? ` · ${data.encoding.toUpperCase()}` : ''}
        {` · ${t(`imports.phase.${data.phase}`)}`}
      </p>
      {isActive && (
        <div className={styles.actions}>
          <ProgressBar
            fraction={data.fileBytes > 0 ? data.bytesRead / data.fileBytes : 0}
            label={t('imports.job.progress', {
              percent: data.fileBytes > 0 ? Math.floor((100 * data.bytesRead) / data.fileBytes) : 0,
              rows: data.rowsRead,
            })}
          />
          <button
            type="button"
            onClick={() => cancel.mutate({ shop, jobId })}
            disabled={data.cancelRequested}
          >
            {t('imports.job.cancel')}
          </button>
        </div>
      )}
      {!isActive && <JobSummary job={data} />}
      {isFileProblem && (fileProblem || data.message) && (
        <p className={styles.failure} role="alert">
          {fileProblem ? localizedReason(fileProblem, language) : data.message}
        </p>
      )}
      {data.status === 'validated' && validRows === 0 && (
        <NoValidRows job={data} onCreateShopFor={onCreateShopFor} />
      )}
      {data.status === 'validated' && validRows > 0 && (
        <div className={styles.decision}>
          {data.rowsRejected > 0 && (
            <p className={styles.failure}>{t('imports.job.rejectedNote', { count: data.rowsRejected })}</p>
          )}
          <button
            type="button"
            className={styles.primary}
            disabled={start.isPending}
            onClick={() => start.mutate({ shop, jobId, importValidRows: data.rowsRejected > 0 })}
          >
            {data.rowsRejected > 0
              ? t('imports.job.importValid', { count: validRows })
              : t('imports.job.import')}
          </button>
        </div>
      )}
      {(start.error || cancel.error) && (
        <ErrorPanel title={t('imports.errors.action')} error={start.error ?? cancel.error} />
      )}
      {data.firstErrors.length > 0 && !isFileProblem && <RowErrors shop={shop} job={data} />}
    </section>
  );
}

function JobSummary({ job }: { job: ImportJobDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const kind = job.recordKind ? t(`imports.recordKinds.${job.recordKind}`) : '';
  const figures: Array<[string, number]> = [
    ['read', job.rowsRead],
    ['rejected', job.rowsRejected],
    ['inserted', job.recordsInserted],
    ['updated', job.recordsUpdated],
    ['unchanged', job.recordsUnchanged],
  ];
  return (
    <>
      <p className={styles.meta}>
        {job.status === 'validated'
          ? t('imports.job.wouldGive', { kind })
          : job.status === 'succeeded'
            ? t('imports.job.gave', { kind })
            : job.status === 'cancelled'
              ? t('imports.job.cancelledNote', { rows: formatCount(job.rowsRead, locale) })
              : ''}
      </p>
      <dl className={styles.counts}>
        {figures.map(([key, value]) => (
          <div key={key} data-count={key}>
            <dt>{t(`imports.job.counts.${key}`)}</dt>
            <dd className="figure">{formatCount(value, locale)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function RowErrors({ shop, job }: { shop: string; job: ImportJobDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className={styles.errors}>
      <div className={styles.errorsHeader}>
        <h3>{t('imports.job.errors.title')}</h3>
        <a href={errorsCsvUrl(shop, job.id, language)} download>
          {t('imports.job.downloadErrors', { count: job.errorCount })}
        </a>
      </div>
      <table className={styles.table} data-part="row-errors">
        <thead>
          <tr>
            <th>{t('imports.job.errors.line')}</th>
            <th>{t('imports.job.errors.column')}</th>
            <th>{t('imports.job.errors.value')}</th>
            <th>{t('imports.job.errors.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {job.firstErrors.map((e) => (
            <tr
              key={`${e.line}|${e.column}|${e.reason}`}
              className={isLeftOutWithOrder(e) ? styles.leftOut : undefined}
            >
              <td className="figure">{e.line || '—'}</td>
              <td>{e.column ?? '—'}</td>
              <td className={styles.value}>{e.value ?? ''}</td>
              <td>{localizedReason(e, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
