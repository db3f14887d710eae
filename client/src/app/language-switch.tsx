import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from '../i18n/i18n';
import styles from './layout.module.css';

/** Each language is named in itself, so anyone can find their own. */
const LANGUAGE_NAMES: Record<Language, string> = { zh: '中文', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <fieldset className={styles.languageSwitch}>
      <legend className="visually-hidden">{t('shell.language')}</legend>
      {(Object.keys(LANGUAGE_NAMES) as Language[]).map((language) => (
        <button
          key={language}
          type="button"
          lang={language === 'zh' ? 'zh-CN' : 'en'}
          aria-pressed={current === language}
          onClick={() => void setLanguage(language)}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </fieldset>
  );
}
