import { escapeHtml } from '@kitajs/html';

/**
 * A value typed by a person, put back into an input's `value`, escaped in full. The runtime escapes
 * only `"` inside attributes (enough to stay inside the quotes); escaping `&`, `<`, `>` and `'` too
 * brings back exactly what was typed (a typed `&amp;` stays `&amp;`), as the old templates did.
 */
export function attributeValue(value: string): string {
  return escapeHtml(value).replace(/>/g, '&gt;');
}
