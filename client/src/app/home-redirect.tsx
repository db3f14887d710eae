// The start page: opens the war room of the shop last used, else the first shop.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { ErrorPanel } from '../components/error-panel';
import styles from './layout.module.css';
import { areaUrl } from './routes';
import { rememberedShop } from './shop-switcher';
import { useTRPC } from './trpc';

export function HomeRedirect() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const shops = useQuery(trpc.shop.list.queryOptions());
  if (shops.isError) {
    return (
      <div className={styles.centered}>
        <ErrorPanel title={t('shell.shopsFailed')} error={shops.error} onRetry={() => void shops.refetch()} />
      </div>
    );
  }
  if (!shops.data) return <p className={styles.centered}>{t('shell.loadingShops')}</p>;
  const remembered = rememberedShop();
  const target = shops.data.find((s) => s.slug === remembered) ?? shops.data[0];
  if (!target) return <p className={styles.centered}>{t('shell.noShops')}</p>;
  return <Navigate to={areaUrl(target.slug)} replace />;
}
