import type { Candidate } from '../../../matching/matching.service.js';
import type { ConsoleContext } from '../../http/console-context.js';
import { matchReason } from '../shared/phrases.js';
import { ReferForm } from './ReferForm.js';

/** A ranked candidate for a vacancy: who, their card, the score and why; "Rujuk…" when `referTo` is set. */
export function CandidateRow({
  c,
  x,
  referTo,
}: {
  c: ConsoleContext;
  x: Candidate;
  referTo: string | null;
}): JSX.Element {
  const t = c.t;
  const reasons = (codes: string[]) => codes.map((m) => matchReason(t, m)).join(', ');
  return (
    <tr>
      <td>
        <strong safe>{x.seeker.fullName}</strong>
        <br />
        <span class="meta" safe>
          {`${t.label('education', x.seeker.educationLevel)} · ${t.kecamatan(x.seeker.kecamatanCode)}`}
        </span>
        {x.seeker.skills.length ? (
          <>
            <br />
            <span class="meta" safe>
              {x.seeker.skills.join(', ')}
            </span>
          </>
        ) : (
          ''
        )}
      </td>
      <td>
        {x.card.cardNumber ? (
          <a href={`/petugas/kartu/${x.card.id}`} safe>
            {x.card.cardNumber}
          </a>
        ) : (
          '–'
        )}
      </td>
      <td class="num">
        <strong>{x.score}%</strong>
      </td>
      <td>
        {x.matched.length ? (
          <span class="meta" safe>
            {`✔ ${reasons(x.matched)}`}
          </span>
        ) : (
          ''
        )}
        {x.missing.length ? (
          <>
            <br />
            <span class="meta" safe>
              {`✘ ${reasons(x.missing)}`}
            </span>
          </>
        ) : (
          ''
        )}
      </td>
      {referTo ? (
        <td>
          <ReferForm c={c} vacancyId={referTo} seeker={{ id: x.seeker.id, fullName: x.seeker.fullName }} />
        </td>
      ) : (
        ''
      )}
    </tr>
  );
}
