import { escapeHtml, type Children } from '@kitajs/html';

export interface FactProps {
  label: string;
  /** Plain text (escaped); or markup as children. */
  text?: string;
  children?: Children;
}

/** One label → value pair of `Facts`. */
export function Fact({ label, text, children }: FactProps): JSX.Element {
  return (
    <div>
      <dt safe>{label}</dt>
      <dd>{text === undefined ? children : escapeHtml(text)}</dd>
    </div>
  );
}
