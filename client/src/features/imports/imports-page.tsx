// The Imports page: upload a file (format detected or chosen, columns mapped for a generic CSV),
// follow its check and import as a background job, and read or download its row errors. The job
// shown lives in the URL (?job=12), so a reload picks up its progress from the server.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useTRPC } from '../../app/trpc';
import { ErrorPanel } from '../../components/error-panel';
import { ImportHistory } from './import-history';
import { ImportJobPanel } from './import-job-panel';
import styles from './imports.module.css';
import { UploadForm } from './upload-form';

export function ImportsPage() {
  const shop = useParams().shop ?? '';
  return <Imports key={shop} shop={shop} />;
}

function Imports({ shop }: { shop: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useSearchParams();
  const jobId = Number(search.get('job')) || null;
  const shopQuery = useQuery(trpc.shop.bySlug.queryOptions({ shop }));
  const selectJob = (id: number) => setSearch({ job: String(id) });

  if (shopQuery.isError) {
    return (
      <ErrorPanel
        title={t('imports.errors.shop')}
        error={shopQuery.error}
        onRetry={() => void shopQuery.refetch()}
      />
    );
  }
  return (
    <div className={styles.page}>
      <header>
        <h1 className={styles.title}>
          {t('areas.imports.title')}
          {shopQuery.data && <span className={styles.shopName}>{shopQuery.data.name}</span>}
        </h1>
        <p className={styles.subtitle}>
          {shopQuery.data
            ? t('imports.subtitle', { currency: shopQuery.data.currency, zone: shopQuery.data.timeZone })
            : ' '}
        </p>
      </header>
      <div className={styles.columns}>
        <UploadForm shop={shop} onUploaded={(job) => selectJob(job.id)} />
        {jobId && <ImportJobPanel shop={shop} jobId={jobId} />}
      </div>
      <ImportHistory shop={shop} selectedId={jobId} onSelect={selectJob} />
    </div>
  );
}
