import type { Children } from '@kitajs/html';

/** A definition list of label → value pairs (each a `Fact`). */
export function Facts({ children }: { children?: Children }): JSX.Element {
  return <dl class="facts">{children}</dl>;
}
