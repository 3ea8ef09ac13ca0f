import type { ConsoleContext } from '../../http/console-context.js';

/**
 * The tokens every console form carries: `_csrf` (checked before anything runs) and, unless `once` is
 * false, `_form`, a one-time token of this rendered form, so that sending it twice takes effect once.
 */
export function CsrfField({ c, once = true }: { c: ConsoleContext; once?: boolean }): JSX.Element {
  return (
    <>
      <input type="hidden" name="_csrf" value={c.csrf} />
      {once ? <input type="hidden" name="_form" value={c.formToken()} /> : ''}
    </>
  );
}
