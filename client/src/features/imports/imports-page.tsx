// The Imports page: upload a file (format detected or chosen, columns mapped for a generic CSV),
// follow its check and import as a background job, and read or download its row errors. The job
// shown lives in the URL (?job=12), so a reload picks up its progress from the server; so does the
// New shop form (?newShop=1&currency=EUR&platform=shopify), which the shop switcher also opens.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ShopSummary } from '@zhanggui/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { areaUrl } from '../../app/routes';
import { useTRPC } from '../../app/trpc';
import { ErrorPanel } from '../../components/error-panel';
import { ImportHistory } from './import-history';
import { ImportJobPanel } from './import-job-panel';
import styles from './imports.module.css';
import { NewShopForm } from './new-shop-form';
import type { NewShopPrefill } from './new-shop-values';
import { UploadForm } from './upload-form';

export function ImportsPage() {
  const shop = useParams().shop ?? '';
  return <Imports key={shop} shop={shop} />;
}

/** The Imports page of a shop with the New shop form open, e.g. from the shop switcher. */
export function newShopUrl(shop: string, prefill: NewShopPrefill = {}): string {
  const search = new URLSearchParams({ newShop: '1' });
  if (prefill.currency) search.set('currency', prefill.currency);
  if (prefill.platform) search.set('platform', prefill.platform);
  return `${areaUrl(shop, 'imports')}?${search}`;
}

function Imports({ shop }: { shop: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const jobId = Number(search.get('job')) || null;
  const isNewShopOpen = search.has('newShop');
  const shopQuery = useQuery(trpc.shop.bySlug.queryOptions({ shop }));
  const selectJob = (id: number) => setSearch({ job: String(id) });
  const openNewShop = (prefill: NewShopPrefill = {}) => {
    const url = newShopUrl(shop, prefill);
    navigate(jobId ? `${url}&job=${jobId}` : url);
  };
  const closeNewShop = () => setSearch(jobId ? { job: String(jobId) } : {});
  const switchToCreated = async (created: ShopSummary) => {
    await queryClient.invalidateQueries({ queryKey: trpc.shop.list.queryKey() });
    navigate(`${areaUrl(created.slug, 'imports')}?created=1`);
  };

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
      <header className={styles.pageHeader}>
        <div>
          <h1 className={styles.title}>
            {t('areas.imports.title')}
            {shopQuery.data && <span className={styles.shopName}>{shopQuery.data.name}</span>}
          </h1>
          <p className={styles.subtitle}>
            {shopQuery.data
              ? t('imports.subtitle', { currency: shopQuery.data.currency, zone: shopQuery.data.timeZone })
              : ' '}
          </p>
        </div>
        {!isNewShopOpen && (
          <button type="button" onClick={() => openNewShop()}>
            {t('imports.newShop.open')}
          </button>
        )}
      </header>
      {search.has('created') && shopQuery.data && (
        <p className={styles.notice} role="status">
          {t('imports.newShop.created', {
            name: shopQuery.data.name,
            currency: shopQuery.data.currency,
            zone: shopQuery.data.timeZone,
          })}
        </p>
      )}
      {isNewShopOpen && (
        <NewShopForm
          key={search.toString()}
          prefill={{ currency: search.get('currency'), platform: search.get('platform') }}
          currentShop={shopQuery.data}
          onCancel={closeNewShop}
          onCreated={(created) => void switchToCreated(created)}
        />
      )}
      <div className={styles.columns}>
        <UploadForm shop={shop} onUploaded={(job) => selectJob(job.id)} />
        {jobId && (
          <ImportJobPanel shop={shop} jobId={jobId} onCreateShopFor={isNewShopOpen ? null : openNewShop} />
        )}
      </div>
      <ImportHistory shop={shop} selectedId={jobId} onSelect={selectJob} />
    </div>
  );
}
