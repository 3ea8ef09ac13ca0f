import type { ConsoleContext } from '../../http/console-context.js';
import { Fact } from '../shared/Fact.js';

/** Whether a month is closed: its closing instant and checksum (null while open). */
export interface IpkMonthStatus {
  closedAt: string | null;
  checksum: string | null;
}

/**
 * The month's status on every IPK page, printed too: "Terbuka", or "Ditutup pada … · checksum …" with
 * the checksum short (16 hex digits) and the full value in its title and in a <details> under it.
 */
export function IpkStatus({ c, status }: { c: ConsoleContext; status: IpkMonthStatus }): JSX.Element {
  const t = c.t;
  if (!status.closedAt || !status.checksum) return <Fact label={t('ipk.status')} text={t('ipk.open')} />;
  const text = t('ipk.closedOn', { date: t.dateTime(status.closedAt), short: status.checksum.slice(0, 16) });
  return (
    <Fact label={t('ipk.status')}>
      <span title={status.checksum} safe>
        {text}
      </span>
      <details>
        <summary safe>{t('ipk.checksumFull')}</summary>
        <code class="checksum" safe>
          {status.checksum}
        </code>
      </details>
    </Fact>
  );
}
