import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { newShopUrl } from '../features/imports/imports-page';
import styles from './layout.module.css';
import { areaUrl } from './routes';
import { useTRPC } from './trpc';

const SHOP_STORAGE_KEY = 'zhanggui.shop';
/** Not a slug (a slug starts with a letter or digit): the last entry opens the New shop form. */
const NEW_SHOP_OPTION = '+new-shop';

/** Remembers the shop last opened, so the start page returns to it. */
export function rememberShop(shop: string): void {
  try {
    if (shop) localStorage.setItem(SHOP_STORAGE_KEY, shop);
  } catch {
    // Storage disabled: the start page falls back to the first shop.
  }
}

export function rememberedShop(): string | null {
  try {
    return localStorage.getItem(SHOP_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Switches shop and stays in the same area; its last entry opens the New shop form. */
export function ShopSwitcher({ shop, areaPath }: { shop: string; areaPath: string | undefined }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const shops = useQuery(trpc.shop.list.queryOptions());
  const list = shops.data ?? [];
  const isKnown = list.some((s) => s.slug === shop);
  return (
    <label className={styles.shopSwitcher}>
      <span className={styles.topbarLabel}>{t('shell.shop')}</span>
      <select
        value={shop}
        disabled={!shops.data}
        onChange={(event) =>
          navigate(
            event.target.value === NEW_SHOP_OPTION ? newShopUrl(shop) : areaUrl(event.target.value, areaPath),
          )
        }
        aria-label={t('shell.shop')}
      >
        {!isKnown && <option value={shop}>{shop}</option>}
        {list.map((s) => (
          <option key={s.slug} value={s.slug}>
            {s.name}
          </option>
        ))}
        <option value={NEW_SHOP_OPTION}>{t('shell.newShop')}</option>
      </select>
    </label>
  );
}
