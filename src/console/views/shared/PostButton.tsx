import type { ConsoleContext } from '../../http/console-context.js';
import { CsrfField } from './CsrfField.js';
import { Hidden } from './Hidden.js';

export interface PostButtonProps {
  c: ConsoleContext;
  action: string;
  label: string;
  /** A question the script asks before sending (the form still works without script). */
  confirm?: string;
  hidden?: Record<string, string>;
  kind?: 'primary' | 'secondary' | 'danger';
}

/** A one-button form posting to `action`. */
export function PostButton({ c, action, label, confirm, hidden, kind }: PostButtonProps): JSX.Element {
  return (
    <form novalidate method="post" action={action} class="inline" data-confirm={confirm}>
      <CsrfField c={c} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <Hidden name={name} value={value} />
      ))}
      <button type="submit" class={`btn ${kind ?? 'secondary'}`} safe>
        {label}
      </button>
    </form>
  );
}
