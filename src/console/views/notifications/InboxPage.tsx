import type { NotificationReply } from '../../../notifications/dto/notification.reply.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FlashModel } from '../../view-models/flash.js';
import type { PagerModel } from '../../view-models/pager.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';
import { Pager } from '../shared/Pager.js';
import { PostButton } from '../shared/PostButton.js';

export interface InboxView {
  items: NotificationReply[];
  unread: number;
  onlyUnread: boolean;
  pager: PagerModel;
  flash: FlashModel;
}

/**
 * The inbox: newest first, unread ones marked; "Buka" opens the page a message is about (and marks it
 * read), and one button marks everything read. The same page for every role.
 */
export function InboxPage({ c, vm }: { c: ConsoleContext; vm: InboxView }): JSX.Element {
  const t = c.t;
  return (
    <Layout c={c} title={t('inbox.title')}>
      <h1 safe>{t('inbox.title')}</h1>
      <Flash c={c} flash={vm.flash} />
      <p safe>{t('inbox.intro')}</p>
      <p class="actions">
        {vm.onlyUnread ? (
          <a href="/pemberitahuan" safe>
            {t('inbox.showAll')}
          </a>
        ) : (
          <a href="/pemberitahuan?belum=1" safe>
            {t('inbox.showUnread')}
          </a>
        )}
        {' · '}
        <a href="/pemberitahuan/pengaturan" safe>
          {t('inbox.settingsLink')}
        </a>
      </p>
      {vm.unread > 0 ? (
        <p class="actions">
          <strong safe>{t('inbox.unreadCount', { count: vm.unread })}</strong>{' '}
          <PostButton c={c} action="/pemberitahuan/baca-semua" label={t('inbox.markAllRead')} />
        </p>
      ) : (
        ''
      )}
      {vm.items.length === 0 ? (
        <p safe>{vm.onlyUnread ? t('inbox.emptyUnread') : t('inbox.empty')}</p>
      ) : (
        <ul class="inbox">
          {vm.items.map((n) => (
            <li class={n.readAt ? 'read' : 'unread'}>
              <h2>
                {n.readAt ? '' : <span class="badge-new" safe>{`${t('inbox.new')} · `}</span>}
                <span safe>{n.title}</span>
              </h2>
              <p class="when" safe>
                {t.dateTime(n.createdAt)}
              </p>
              <p safe>{n.body}</p>
              <div class="actions">
                <a class="btn primary" href={`/pemberitahuan/${n.id}/buka`} safe>
                  {t('inbox.open')}
                </a>
                {n.readAt ? (
                  ''
                ) : (
                  <PostButton c={c} action={`/pemberitahuan/${n.id}/baca`} label={t('inbox.markRead')} />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager c={c} pager={vm.pager} />
    </Layout>
  );
}
