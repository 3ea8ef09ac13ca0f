import type { ConsoleContext } from '../../http/console-context.js';

/** The three answers to "are you still looking for work?", each the page of its form (issue 17). */
export const STILL_LOOKING_CHOICES = [
  { href: '/saya/kartu/lapor', label: 'still.looking', hint: 'still.lookingHint', kind: 'primary' },
  { href: '/saya/sudah-bekerja', label: 'still.hired', hint: 'still.hiredHint', kind: 'secondary' },
  { href: '/saya/kartu/berhenti', label: 'still.stopped', hint: 'still.stoppedHint', kind: 'secondary' },
] as const;

/**
 * "Apakah Anda masih mencari kerja?": one tap each, stacked full width on a phone. On the card page of an
 * ACTIVE card, and the page the card reminders link to (`/saya/kartu/status`).
 */
export function StillLooking({ c, headingLevel = 2 }: { c: ConsoleContext; headingLevel?: 1 | 2 }): JSX.Element {
  const t = c.t;
  const heading =
    headingLevel === 1 ? (
      <h1 id="still-h" safe>
        {t('still.title')}
      </h1>
    ) : (
      <h2 id="still-h" safe>
        {t('still.title')}
      </h2>
    );
  return (
    <section id="masih-mencari" aria-labelledby="still-h" class="stack">
      {heading}
      <p safe>{t('still.intro')}</p>
      <ul class="choices">
        {STILL_LOOKING_CHOICES.map((choice) => (
          <li>
            <a class={`btn ${choice.kind}`} href={choice.href} safe>
              {t(choice.label)}
            </a>
            <p class="hint" safe>
              {t(choice.hint)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
