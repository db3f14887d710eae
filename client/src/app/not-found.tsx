import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import styles from './layout.module.css';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className={styles.centered}>
      <h1>{t('shell.notFoundTitle')}</h1>
      <p>{t('shell.notFoundBody')}</p>
      <Link to="/">{t('shell.backToWarRoom')}</Link>
    </section>
  );
}
