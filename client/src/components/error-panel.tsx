import { useTranslation } from 'react-i18next';
import { describeError, isClientError } from '../lib/trpc-error';
import styles from './error-panel.module.css';

interface ErrorPanelProps {
  /** What failed, in the user's words: "Could not load the key figures". */
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/**
 * How every failed request looks: what failed, the server's reason, per-field problems, and a retry
 * when retrying can help (not for a 4xx: the same request fails the same way).
 */
export function ErrorPanel({ title, error, onRetry }: ErrorPanelProps) {
  const { t } = useTranslation();
  const description = describeError(error);
  const fields = Object.entries(description.fieldErrors);
  return (
    <div className={styles.panel} role="alert" data-error-panel>
      <div className={styles.icon} aria-hidden="true">
        !
      </div>
      <div className={styles.body}>
        <p className={styles.title}>{title}</p>
        <p className={styles.message}>
          {description.reachedServer ? description.message : t('errors.network')}
        </p>
        {fields.length > 0 && (
          <ul className={styles.fields}>
            {fields.map(([field, messages]) => (
              <li key={field}>
                <code>{field}</code> {messages.join(' ')}
              </li>
            ))}
          </ul>
        )}
        {onRetry && !isClientError(error) && (
          <button type="button" className={styles.retry} onClick={onRetry}>
            {t('errors.retry')}
          </button>
        )}
      </div>
    </div>
  );
}
