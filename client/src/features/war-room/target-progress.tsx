import type { ShopKpis } from '@zhanggui/shared';
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/money';
import { Percent } from '../../components/percent';
import styles from './war-room.module.css';

/** GMV against the promotion target pro-rated to the days shown. */
export function TargetProgress({ kpis, isUpdating }: { kpis: ShopKpis; isUpdating: boolean }) {
  const { t } = useTranslation();
  const { target } = kpis;
  const gmvCents = kpis.kpis.gmvCents.value ?? 0;
  const isAbove = target !== null && gmvCents > target.gmvTargetCents;
  const barShare = target?.attainment == null ? 0 : Math.min(1, Math.max(0, target.attainment));
  return (
    <section
      className={`surface ${styles.card}`}
      data-target
      aria-busy={isUpdating}
      data-updating={isUpdating || undefined}
    >
      <h2 className={styles.cardTitle}>{t('warRoom.target.title')}</h2>
      {target ? (
        <>
          <p className={styles.attainment}>
            <span className={styles.attainmentLabel}>{t('warRoom.target.attainment')}</span>
            <span data-part="attainment">
              <Percent ratio={target.attainment} fractionDigits={1} />
            </span>
          </p>
          <div
            className={styles.progress}
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(barShare * 100)}
            data-exceeded={(target.attainment ?? 0) >= 1 || undefined}
          >
            <span style={{ width: `${barShare * 100}%` }} />
          </div>
          <dl className={styles.targetAmounts}>
            <div>
              <dt>{t('warRoom.target.gmv')}</dt>
              <dd>
                <Money cents={gmvCents} currency={kpis.currency} />
              </dd>
            </div>
            <div>
              <dt>{t('warRoom.target.goal')}</dt>
              <dd>
                <Money cents={target.gmvTargetCents} currency={kpis.currency} />
              </dd>
            </div>
            <div data-part={isAbove ? 'above' : 'remaining'}>
              <dt>{t(isAbove ? 'warRoom.target.above' : 'warRoom.target.remaining')}</dt>
              <dd>
                <Money cents={Math.abs(target.gmvTargetCents - gmvCents)} currency={kpis.currency} />
              </dd>
            </div>
          </dl>
          <p className={styles.note}>{t('warRoom.target.note', { promotion: target.promotionName })}</p>
        </>
      ) : (
        <p className={styles.note}>{t('warRoom.target.none')}</p>
      )}
    </section>
  );
}
