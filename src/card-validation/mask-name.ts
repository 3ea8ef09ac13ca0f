/**
 * The holder name an employer may see: each word's first letter, then one asterisk per remaining
 * letter (`Budi Santoso` → `B*** S******`). Nothing else about the holder is ever shown.
 */
export function maskName(fullName: string): string {
  return fullName
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const chars = Array.from(word);
      return chars[0].toUpperCase() + '*'.repeat(chars.length - 1);
    })
    .join(' ');
}
