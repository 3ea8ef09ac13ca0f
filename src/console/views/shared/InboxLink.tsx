import type { ConsoleContext } from '../../http/console-context.js';

/**
 * The inbox in the header bar, outside the folded menu so a phone shows it at once: a bell, and the
 * number of messages not read yet (read aloud as a sentence).
 */
export function InboxLink({ c }: { c: ConsoleContext }): JSX.Element {
  const t = c.t;
  const label = c.unread > 0 ? t('inbox.linkUnread', { count: c.unread }) : t('inbox.link');
  const shown = c.unread > 99 ? '99+' : String(c.unread);
  return (
    <a class="inbox-link" href="/pemberitahuan" aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {c.unread > 0 ? (
        <span class="badge" aria-hidden="true" safe>
          {shown}
        </span>
      ) : (
        ''
      )}
    </a>
  );
}
