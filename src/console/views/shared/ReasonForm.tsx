import type { ConsoleContext } from '../../http/console-context.js';
import { CsrfField } from './CsrfField.js';
import { Hidden } from './Hidden.js';

export interface ReasonFormProps {
  c: ConsoleContext;
  action: string;
  /** The button's label, also the summary that unfolds the form. */
  button: string;
  hidden?: Record<string, string>;
}

/** An action that needs a reason (reject, suspend, revoke): folded until asked for. */
export function ReasonForm({ c, action, button, hidden }: ReasonFormProps): JSX.Element {
  const id = action.replace(/[^a-z0-9]+/gi, '-');
  return (
    <details>
      <summary safe>{button}</summary>
      <form novalidate method="post" action={action} class="stack">
        <CsrfField c={c} />
        {Object.entries(hidden ?? {}).map(([name, value]) => (
          <Hidden name={name} value={value} />
        ))}
        <div class="field">
          <label for={id} safe>
            {c.t('officer.reason')}
          </label>
          <textarea id={id} name="reason" rows="2" required minlength="3"></textarea>
        </div>
        <button class="btn danger" type="submit" safe>
          {button}
        </button>
      </form>
    </details>
  );
}
