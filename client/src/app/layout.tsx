// The shell around every shop page: sidebar navigation, shop switcher and language switch.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useParams } from 'react-router';
import { LanguageSwitch } from './language-switch';
import styles from './layout.module.css';
import { NavIcon } from './nav-icons';
import { APP_AREAS, AREA_GROUPS, areaUrl } from './routes';
import { rememberShop, ShopSwitcher } from './shop-switcher';

export function AppLayout() {
  const { t } = useTranslation();
  const shop = useParams().shop ?? '';
  const current = useCurrentArea();

  useEffect(() => rememberShop(shop), [shop]);
  useEffect(() => {
    const area = current ? t(`areas.${current.key}.title`) : null;
    document.title = [area, `${t('app.name')} Zhanggui`].filter(Boolean).join(' · ');
  }, [current, t]);

  return (
    <div className={styles.shell}>
      <aside className={styles.sidebar}>
        <div className={styles.brand}>
          <span className={styles.logo} aria-hidden="true">
            掌
          </span>
          <span className={styles.brandText} title={t('app.tagline')}>
            <strong>掌柜</strong>
            <small>Zhanggui</small>
          </span>
        </div>
        <nav aria-label={t('nav.label')} className={styles.nav}>
          {AREA_GROUPS.map((group) => (
            <div key={group} className={styles.navGroup}>
              <p className={styles.navHeading}>{t(`nav.${group}`)}</p>
              <ul>
                {APP_AREAS.filter((area) => area.group === group).map((area) => (
                  <li key={area.path}>
                    <NavLink
                      to={areaUrl(shop, area.path)}
                      className={({ isActive }) =>
                        isActive ? `${styles.navLink} ${styles.active}` : styles.navLink
                      }
                    >
                      <NavIcon name={area.key} />
                      <span className={styles.navText}>{t(`areas.${area.key}.title`)}</span>
                      {!area.isReady && <span className={styles.soon}>{t('nav.soon')}</span>}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      </aside>
      <div className={styles.main}>
        <header className={styles.topbar}>
          <ShopSwitcher shop={shop} areaPath={current?.path} />
          <LanguageSwitch />
        </header>
        <main className={styles.content}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}

function useCurrentArea() {
  const { pathname } = useLocation();
  const segment = pathname.split('/')[3];
  return APP_AREAS.find((area) => area.path === segment);
}
