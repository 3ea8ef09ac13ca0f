import { NOTIFICATION_KINDS } from '../../../notifications/notification-kinds.js';
import type { NotificationSettingsReply } from '../../../notifications/dto/notification.reply.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { FlashModel } from '../../view-models/flash.js';
import { CsrfField } from '../shared/CsrfField.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';

export interface NotificationSettingsView {
  settings: NotificationSettingsReply;
  email: string;
  /** The kinds this role can receive, in the order the form lists them. */
  kinds: (typeof NOTIFICATION_KINDS)[number][];
  flash: FlashModel;
}

/** Email and WhatsApp on or off, kinds kept to the inbox only, and the language of messages. */
export function NotificationSettingsPage({ c, vm }: { c: ConsoleContext; vm: NotificationSettingsView }): JSX.Element {
  const t = c.t;
  const s = vm.settings;
  return (
    <Layout c={c} title={t('notifySettings.title')}>
      <h1 safe>{t('notifySettings.title')}</h1>
      <Flash c={c} flash={vm.flash} />
      <p safe>{t('notifySettings.intro')}</p>
      <form novalidate method="post" action="/pemberitahuan/pengaturan">
        <CsrfField c={c} />
        <fieldset>
          <legend safe>{t('notifySettings.channels')}</legend>
          <div class="field check">
            <input type="checkbox" id="f-email" name="email" value="1" checked={s.email} />
            <label for="f-email" safe>
              {t('notifySettings.email', { email: vm.email })}
            </label>
          </div>
          {s.emailAvailable ? (
            ''
          ) : (
            <p class="hint" safe>
              {t('notifySettings.emailUnavailable')}
            </p>
          )}
          <div class="field check">
            <input type="checkbox" id="f-whatsapp" name="whatsapp" value="1" checked={s.whatsapp} />
            <label for="f-whatsapp" safe>
              {t('notifySettings.whatsapp')}
            </label>
          </div>
          {s.whatsappAvailable ? (
            ''
          ) : (
            <p class="hint" safe>
              {t('notifySettings.whatsappUnavailable')}
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend safe>{t('notifySettings.muted')}</legend>
          <p class="hint" safe>
            {t('notifySettings.mutedHint')}
          </p>
          {vm.kinds.map((k) => (
            <div class="field check">
              <input type="checkbox" id={`f-muted-${k}`} name="muted" value={k} checked={s.muted.includes(k)} />
              <label for={`f-muted-${k}`} safe>
                {t(`kind.${k}` as MessageKey)}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend safe>{t('notifySettings.language')}</legend>
          {(['id', 'en'] as const).map((l) => (
            <div class="field check">
              <input type="radio" id={`f-language-${l}`} name="language" value={l} checked={s.language === l} />
              <label for={`f-language-${l}`} lang={l}>
                {l === 'id' ? 'Bahasa Indonesia' : 'English'}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="btn primary" safe>
          {t('notifySettings.save')}
        </button>
      </form>
      <p>
        <a href="/pemberitahuan" safe>
          {t('notifySettings.back')}
        </a>
      </p>
    </Layout>
  );
}
