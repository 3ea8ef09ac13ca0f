import { escapeHtml } from '@kitajs/html';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FieldErrors } from '../../http/forms.js';
import { fieldId } from './Field.js';

export interface ErrorSummaryProps {
  c: ConsoleContext;
  errors: FieldErrors | null;
  /**
   * The fields' labels by name, in the order the form shows them: the summary follows that order (a
   * name without a label comes last, shown as it is).
   */
  labels: Record<string, string>;
  /** One sentence for a refusal that is not about a field. */
  problem?: string | null;
}

/** The form-wide summary shown above a refused form, linking to each field with a problem. */
export function ErrorSummary({ c, errors, labels, problem }: ErrorSummaryProps): JSX.Element {
  if (!errors && !problem) return '';
  const order = Object.keys(labels);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const names = Object.keys(errors ?? {}).sort((a, b) => rank(a) - rank(b));
  const required = c.t('form.requiredField');
  return (
    <div class="notice error" role="alert" tabindex="-1" data-focus>
      <p>
        <strong safe>{problem ?? c.t('form.fix')}</strong>
      </p>
      {names.length ? (
        <ul>
          {names.map((name) => {
            const label = labels[name] ?? name;
            const messages = errors![name];
            // A field left empty: "Nama lengkap wajib diisi."
            if (messages.length === 1 && messages[0] === required) {
              return (
                <li>
                  <a href={`#${fieldId(name)}`} safe>
                    {c.t('form.required', { label })}
                  </a>
                </li>
              );
            }
            return (
              <li>
                <a href={`#${fieldId(name)}`} safe>
                  {label}
                </a>
                : {escapeHtml(messages.join(' '))}
              </li>
            );
          })}
        </ul>
      ) : (
        ''
      )}
    </div>
  );
}
