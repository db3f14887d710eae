import type { DateRange } from '@zhanggui/shared';
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isSameRange, type RangeChoice, type RangeProblem } from './date-ranges';
import styles from './war-room.module.css';

interface RangeControlsProps {
  choices: RangeChoice[];
  applied: DateRange | null;
  draft: { from: string; to: string };
  problem: RangeProblem | null;
  onChoose(range: DateRange): void;
  onEditDraft(draft: { from: string; to: string }): void;
}

/** Phase chips and the two date inputs; a bad range is explained right under the inputs. */
export function RangeControls({
  choices,
  applied,
  draft,
  problem,
  onChoose,
  onEditDraft,
}: RangeControlsProps) {
  const { t } = useTranslation();
  const errorId = useId();
  return (
    <section className={`surface ${styles.toolbar}`} aria-label={t('warRoom.range.label')}>
      <fieldset className={styles.chips}>
        <legend className="visually-hidden">{t('warRoom.phases.label')}</legend>
        {choices.map((choice) => (
          <button
            key={choice.id}
            type="button"
            className={styles.chip}
            data-phase={choice.id}
            aria-pressed={!problem && isSameRange(applied, choice.range)}
            onClick={() => onChoose(choice.range)}
          >
            {choice.startsAt && <span className={styles.chipDot} aria-hidden="true" />}
            <span>{t(`warRoom.phases.${choice.id}`)}</span>
            <span className={styles.chipDates}>{shortRange(choice.range)}</span>
          </button>
        ))}
      </fieldset>
      <div className={styles.dateInputs}>
        {(['from', 'to'] as const).map((end, index) => (
          <Fragment key={end}>
            {index > 0 && (
              <span className={styles.dateDash} aria-hidden="true">
                –
              </span>
            )}
            <label>
              <span>{t(`warRoom.range.${end}`)}</span>
              <input
                type="date"
                name={end}
                value={draft[end]}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? errorId : undefined}
                onChange={(event) => onEditDraft({ ...draft, [end]: event.target.value })}
              />
            </label>
          </Fragment>
        ))}
      </div>
      {problem && (
        <p id={errorId} className={styles.rangeProblem} role="alert" data-range-problem={problem.kind}>
          {problem.kind === 'other'
            ? problem.message
            : t(`warRoom.range.${problem.kind}`, { from: draft.from, to: draft.to })}
        </p>
      )}
    </section>
  );
}

/** "11-11" or "10-31 – 11-03": month and day are enough on a chip. */
function shortRange(range: DateRange): string {
  const from = range.from.slice(5);
  const to = range.to.slice(5);
  return from === to ? from : `${from} – ${to}`;
}
