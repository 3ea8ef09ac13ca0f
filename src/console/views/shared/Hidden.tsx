import { attributeValue } from './attribute.js';

/**
 * A hidden input. The value is escaped in full (`attributeValue`), so a value sent back, such as a
 * path with `&` in its query, arrives exactly as it was.
 */
export function Hidden({ name, value }: { name: string; value: string }): JSX.Element {
  return <input type="hidden" name={name} value={attributeValue(value)} />;
}
