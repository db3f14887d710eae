// The New shop form: a shop's currency and time zone decide how its imported amounts and times are
// read, so they are chosen here, checked with shop.create's own schema, and then fixed.
import { useMutation } from '@tanstack/react-query';
import { NEW_SHOP_PLATFORMS, type NewShopPlatform, type ShopSummary } from '@zhanggui/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../app/trpc';
import { ErrorPanel } from '../../components/error-panel';
import { useLocale } from '../../i18n/i18n';
import { describeError } from '../../lib/trpc-error';
import styles from './imports.module.css';
import {
  browserTimeZone,
  checkNewShop,
  initialNewShopValues,
  knownCurrencies,
  knownTimeZones,
  type NewShopField,
  type NewShopPrefill,
  type NewShopValues,
  slugFromName,
} from './new-shop-values';

interface NewShopFormProps {
  prefill: NewShopPrefill;
  /** The shop the page is on: its currency is the default when nothing is prefilled. */
  currentShop: ShopSummary | undefined;
  onCancel: () => void;
  onCreated: (shop: ShopSummary) => void;
}

export function NewShopForm({ prefill, currentShop, onCancel, onCreated }: NewShopFormProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [values, setValues] = useState<NewShopValues>(() =>
    initialNewShopValues(prefill, { currency: currentShop?.currency ?? 'CNY', timeZone: browserTimeZone() }),
  );
  const [isSlugEdited, setIsSlugEdited] = useState(false);
  const [isSubmitted, setIsSubmitted] = useState(false);
  const create = useMutation(
    trpc.shop.create.mutationOptions({ onSuccess: (result) => onCreated(result.shop) }),
  );
  const check = checkNewShop(values);
  const problems = isSubmitted && !check.ok ? check.problems : {};

  const change = (field: NewShopField, value: string) =>
    setValues((old) => {
      const next = { ...old, [field]: value };
      if (field === 'name' && !isSlugEdited) next.slug = slugFromName(value);
      return next;
    });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setIsSubmitted(true);
    if (check.ok) create.mutate(check.input);
  };
  const problem = (field: NewShopField) =>
    problems[field] ? (
      <span className={styles.problem} id={`new-shop-${field}-problem`}>
        {t(`imports.newShop.problems.${field}`)}
      </span>
    ) : null;
  const describedBy = (field: NewShopField) => (problems[field] ? `new-shop-${field}-problem` : undefined);

  return (
    <form
      className={`surface ${styles.card}`}
      onSubmit={submit}
      aria-labelledby="new-shop-title"
      noValidate
      data-part="new-shop"
    >
      <h2 id="new-shop-title" className={styles.cardTitle}>
        {t('imports.newShop.title')}
      </h2>
      <p className={styles.hint}>{t('imports.newShop.intro')}</p>
      <div className={styles.formGrid}>
        <label className={styles.field}>
          <span>{t('imports.newShop.name')}</span>
          <input
            name="name"
            value={values.name}
            onChange={(e) => change('name', e.target.value)}
            aria-invalid={problems.name ?? false}
            aria-describedby={describedBy('name')}
            autoComplete="off"
          />
          {problem('name')}
        </label>
        <label className={styles.field}>
          <span>{t('imports.newShop.slug')}</span>
          <input
            name="slug"
            value={values.slug}
            onChange={(e) => {
              setIsSlugEdited(true);
              change('slug', e.target.value);
            }}
            aria-invalid={problems.slug ?? false}
            aria-describedby={describedBy('slug') ?? 'new-shop-slug-hint'}
            autoComplete="off"
            spellCheck={false}
          />
          {problem('slug') ?? (
            <span className={styles.hint} id="new-shop-slug-hint">
              {t('imports.newShop.slugHint', { path: `/shops/${values.slug || '…'}/imports` })}
            </span>
          )}
        </label>
        <label className={styles.field}>
          <span>{t('imports.newShop.platform')}</span>
          <select
            name="platform"
            value={values.platform}
            onChange={(e) => change('platform', e.target.value as NewShopPlatform)}
          >
            {NEW_SHOP_PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {t(`imports.newShop.platforms.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <CurrencyField
          value={values.currency}
          onChange={(v) => change('currency', v)}
          problem={problem('currency')}
        />
        <label className={styles.field}>
          <span>{t('imports.newShop.timeZone')}</span>
          <input
            name="timeZone"
            list="new-shop-time-zones"
            value={values.timeZone}
            onChange={(e) => change('timeZone', e.target.value)}
            aria-invalid={problems.timeZone ?? false}
            aria-describedby={describedBy('timeZone')}
            autoComplete="off"
            spellCheck={false}
          />
          <TimeZoneList />
          {problem('timeZone') ?? <span className={styles.hint}>{t('imports.newShop.timeZoneHint')}</span>}
        </label>
      </div>
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={create.isPending}>
          {create.isPending ? t('imports.newShop.creating') : t('imports.newShop.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('imports.newShop.cancel')}
        </button>
      </div>
      {create.error && (
        <ErrorPanel
          title={
            describeError(create.error).httpStatus === 409
              ? t('imports.newShop.taken', { slug: values.slug })
              : t('imports.newShop.failed')
          }
          error={create.error}
        />
      )}
    </form>
  );
}

function CurrencyField({
  value,
  onChange,
  problem,
}: {
  value: string;
  onChange: (currency: string) => void;
  problem: React.ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const options = useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'currency' });
    const codes = knownCurrencies();
    return (codes.includes(value) ? codes : [value, ...codes]).map((code) => ({
      code,
      label: `${code} · ${names.of(code) ?? code}`,
    }));
  }, [locale, value]);
  return (
    <label className={styles.field}>
      <span>{t('imports.newShop.currency')}</span>
      <select name="currency" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </select>
      {problem ?? <span className={styles.hint}>{t('imports.newShop.currencyHint')}</span>}
    </label>
  );
}

function TimeZoneList() {
  const zones = useMemo(knownTimeZones, []);
  return (
    <datalist id="new-shop-time-zones">
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}
