import type { PlacementView } from '../../../placements/placement.entity.js';
import type { ConsoleContext } from '../../http/console-context.js';
import { CsrfField } from './CsrfField.js';
import { Hidden } from './Hidden.js';
import { StatusBadge } from './StatusBadge.js';

export interface PlacementItem {
  placement: PlacementView;
  /** Whether this reader may void it now (an officer; the recording employer within 7 days). */
  mayVoid: boolean;
}

export interface PlacementListProps {
  c: ConsoleContext;
  title: string;
  items: PlacementItem[];
  /** `<base>/<id>/batalkan` voids one. */
  actionBase: string;
  /** Where the result is shown. */
  back: string;
  /** What will happen, said before the reader confirms. */
  confirm: string;
  /** This page's one-time key; each form adds its placement's id (a double submit voids once). */
  idem: string;
}

/**
 * Recorded placements, each with its status; a voided one with the reason and date, a live one with the
 * "Batalkan penempatan" form (folded: the reason, what will happen, then the button) when the reader may.
 */
export function PlacementList({ c, title, items, actionBase, back, confirm, idem }: PlacementListProps): JSX.Element {
  const t = c.t;
  return (
    <section class="stack">
      <h2 safe>{title}</h2>
      {items.length === 0 ? (
        <p safe>{t('voidPlacement.none')}</p>
      ) : (
        <ul class="stack">
          {items.map(({ placement: p, mayVoid }) => {
            const fieldId = `void-${p.id}`;
            return (
              <li>
                <p>
                  <StatusBadge t={t} group="placement" code={p.status} />{' '}
                  <span safe>
                    {t('voidPlacement.item', {
                      employer: p.employerName,
                      position: p.position ?? t('voidPlacement.noPosition'),
                      date: t.date(p.startDate),
                    })}
                  </span>
                </p>
                <p class="muted" safe>
                  {t('voidPlacement.recordedOn', { date: t.date(p.recordedAt) })}
                </p>
                {p.status === 'VOID' ? (
                  <>
                    <p class="muted" safe>
                      {t('voidPlacement.voidedOn', { date: t.date(p.voidedAt) })}
                    </p>
                    <p safe>{`${t('voidPlacement.reasonLabel')}: ${p.voidReason ?? ''}`}</p>
                  </>
                ) : (
                  ''
                )}
                {mayVoid ? (
                  <details>
                    <summary safe>{t('voidPlacement.button')}</summary>
                    <form novalidate method="post" action={`${actionBase}/${p.id}/batalkan`} class="stack">
                      <CsrfField c={c} />
                      <Hidden name="back" value={back} />
                      <Hidden name="idem" value={`${idem}-${p.id}`} />
                      <div class="field">
                        <label for={fieldId} safe>
                          {t('voidPlacement.reasonField')}
                        </label>
                        <textarea id={fieldId} name="reason" rows="2" required minlength="3" maxlength="500"></textarea>
                      </div>
                      <p safe>{confirm}</p>
                      <button class="btn danger" type="submit" safe>
                        {t('voidPlacement.confirmButton')}
                      </button>
                    </form>
                  </details>
                ) : (
                  ''
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
