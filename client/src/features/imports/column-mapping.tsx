// Step 1b for a generic CSV: what the file holds, and which of its columns feeds each field.
// Columns whose name matches a field (ignoring case and spaces) are chosen for the merchant.
import { GENERIC_TARGET_FIELDS, GENERIC_TARGETS, type GenericTarget } from '@zhanggui/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './imports.module.css';

interface Draft {
  target: GenericTarget;
  columns: Record<string, string>;
}

interface Props {
  columns: string[];
  mapping: Draft;
  onChange: (mapping: Draft) => void;
  problems: string[];
}

const simplify = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');

/** For each field, the file column with the same simplified name, if any. */
export function guessMapping(target: GenericTarget, columns: string[]): Record<string, string> {
  const byName = new Map(columns.map((c) => [simplify(c), c]));
  const guessed: Record<string, string> = {};
  for (const { field } of GENERIC_TARGET_FIELDS[target]) {
    const column = byName.get(simplify(field));
    if (column) guessed[field] = column;
  }
  return guessed;
}

export function ColumnMappingStep({ columns, mapping, onChange, problems }: Props) {
  const { t } = useTranslation();
  const { target } = mapping;
  // A new file gets fresh guesses; the target's own select guesses when it changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-guess only when the file changes
  useEffect(() => onChange({ target, columns: guessMapping(target, columns) }), [columns]);

  const setColumn = (field: string, column: string) => {
    const next = { ...mapping.columns };
    if (column) next[field] = column;
    else delete next[field];
    onChange({ target, columns: next });
  };

  return (
    <fieldset className={styles.mapping} data-part="column-mapping">
      <legend>{t('imports.mapping.title')}</legend>
      <label className={styles.field}>
        <span>{t('imports.mapping.target')}</span>
        <select
          name="target"
          value={target}
          onChange={(e) => {
            const next = e.target.value as GenericTarget;
            onChange({ target: next, columns: guessMapping(next, columns) });
          }}
        >
          {GENERIC_TARGETS.map((g) => (
            <option key={g} value={g}>
              {t(`imports.mapping.targets.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <table className={styles.table}>
        <thead>
          <tr>
            <th>{t('imports.mapping.field')}</th>
            <th>{t('imports.mapping.column')}</th>
          </tr>
        </thead>
        <tbody>
          {GENERIC_TARGET_FIELDS[target].map(({ field, required }) => (
            <tr key={field}>
              <td>
                {t(`imports.mapping.fields.${field}`)}
                {required && <span className={styles.required}> *</span>}
              </td>
              <td>
                <select
                  name={`column-${field}`}
                  aria-label={t(`imports.mapping.fields.${field}`)}
                  value={mapping.columns[field] ?? ''}
                  onChange={(e) => setColumn(field, e.target.value)}
                >
                  <option value="">{t('imports.mapping.none')}</option>
                  {columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > 0 && (
        <ul className={styles.problems}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
