import { useTranslation } from 'react-i18next';
import styles from './coming-soon.module.css';

interface ComingSoonProps {
  /** The area's key under `areas` in the translations, e.g. "inventory". */
  area: string;
}

/** An area that is not built yet says so, and what it will do, instead of showing made-up numbers. */
export function ComingSoon({ area }: ComingSoonProps) {
  const { t } = useTranslation();
  const willDo = t(`areas.${area}.will`, { returnObjects: true, defaultValue: [] }) as unknown;
  const items = Array.isArray(willDo)
    ? willDo.filter((item): item is string => typeof item === 'string')
    : [];
  return (
    <section className={styles.panel} data-coming-soon={area} aria-labelledby="coming-soon-title">
      <span className={styles.badge}>{t('comingSoon.badge')}</span>
      <h1 id="coming-soon-title" className={styles.title}>
        {t(`areas.${area}.title`)}
      </h1>
      <p className={styles.summary}>{t(`areas.${area}.summary`)}</p>
      {items.length > 0 && (
        <>
          <h2 className={styles.subtitle}>{t('comingSoon.willDo')}</h2>
          <ul className={styles.list}>
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      <p className={styles.honest}>{t('comingSoon.honest')}</p>
    </section>
  );
}
