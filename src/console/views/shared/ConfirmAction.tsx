import type { ConsoleContext } from '../../http/console-context.js';
import { CsrfField } from './CsrfField.js';
import { Hidden } from './Hidden.js';

export interface ConfirmActionProps {
  c: ConsoleContext;
  action: string;
  /** The button that unfolds the question ("Setujui"). */
  label: string;
  /** What will happen, asked before it does. */
  question: string;
  /** The button that does it ("Ya, setujui"). */
  confirm: string;
  hidden?: Record<string, string>;
}

/**
 * An action that asks first, without script: the button unfolds (a <details>) the question and the
 * button that does it, so a single click never approves or verifies anything.
 */
export function ConfirmAction({ c, action, label, question, confirm, hidden }: ConfirmActionProps): JSX.Element {
  return (
    <details class="confirm">
      <summary class="btn primary" safe>
        {label}
      </summary>
      <div class="confirm-box">
        <p safe>{question}</p>
        <form novalidate method="post" action={action} class="inline">
          <CsrfField c={c} />
          {Object.entries(hidden ?? {}).map(([name, value]) => (
            <Hidden name={name} value={value} />
          ))}
          <button type="submit" class="btn primary" safe>
            {confirm}
          </button>
        </form>
      </div>
    </details>
  );
}
