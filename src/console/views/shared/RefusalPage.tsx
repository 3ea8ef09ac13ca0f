import type { ConsoleContext } from '../../http/console-context.js';
import { Layout } from './Layout.js';
import { Notice } from './Notice.js';

/** A refused or failed request as a page: not found, access denied, too many attempts, failed. */
export interface RefusalView {
  title: string;
  message: string;
  /** Where to go from here. */
  next: { href: string; text: string };
  /** The HTTP status: a page not found also offers the search and the help page. */
  status?: number;
}

export function RefusalPage({ c, vm }: { c: ConsoleContext; vm: RefusalView }): JSX.Element {
  const t = c.t;
  return (
    <Layout c={c} title={vm.title}>
      <h1 safe>{vm.title}</h1>
      <Notice kind="error" text={vm.message} />
      <ul class="links">
        <li>
          <a href={vm.next.href} safe>
            {vm.next.text}
          </a>
        </li>
        {vm.status === 404 ? (
          <>
            {vm.next.href === '/' ? (
              ''
            ) : (
              <li>
                <a href="/" safe>
                  {t('nav.vacancies')}
                </a>
              </li>
            )}
            <li>
              <a href="/bantuan" safe>
                {t('nav.help')}
              </a>
            </li>
          </>
        ) : (
          ''
        )}
      </ul>
    </Layout>
  );
}
