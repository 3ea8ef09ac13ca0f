import type { OfficeLevel } from './office.entity.js';

/**
 * The level a REGION_CODE names: 4 digits a city/regency (`1671`), 2 digits a province (`16`), `00`
 * the nation. Null: not a code of any level.
 */
export function levelOfCode(code: string): OfficeLevel | null {
  if (code === '00') return 'NATIONAL';
  if (/^(1[1-9]|[2-9]\d)$/.test(code)) return 'PROVINCE';
  if (/^(1[1-9]|[2-9]\d)(0[1-9]|[1-9]\d)$/.test(code)) return 'CITY';
  return null;
}

/** The level an office of each level sits under. */
export const PARENT_LEVEL: Record<OfficeLevel, OfficeLevel | null> = {
  CITY: 'PROVINCE',
  PROVINCE: 'NATIONAL',
  NATIONAL: null,
};

/**
 * Why an office of this code and level cannot sit under this parent, or null when it can: the code
 * must be of the level, the parent one level up, and a city's code must start with its province's.
 */
export function placementProblem(
  office: { code: string; level: OfficeLevel },
  parent: { code: string; level: OfficeLevel } | null,
): string | null {
  if (levelOfCode(office.code) !== office.level)
    return office.level === 'CITY'
      ? 'A city or regency office has the 4-digit Kemendagri code (for example 1671).'
      : office.level === 'PROVINCE'
        ? 'A province office has the 2-digit province code (for example 16).'
        : 'The national office has the code 00.';
  if (office.level === 'NATIONAL') return 'The national office can only be the first office of a deployment.';
  if (!parent || parent.level !== PARENT_LEVEL[office.level])
    return office.level === 'CITY'
      ? 'A city or regency office sits under a province office.'
      : 'A province office sits under the national office.';
  if (office.level === 'CITY' && !office.code.startsWith(parent.code))
    return `A city or regency under province ${parent.code} has a code starting with ${parent.code}.`;
  return null;
}

/** The card-number prefix (4 digits) of an office's code: a city's own code; a province `16` → `1600`, the nation `0000`. */
export function cardNumberPrefix(code: string): string {
  return code.padEnd(4, '0');
}

/** The ids of `rootId` and every office below it, from the whole list (the table is small: ~550 rows for the nation). */
export function subtreeIds(offices: readonly { id: string; parentId: string | null }[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of offices) {
    if (!o.parentId) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o.id);
    children.set(o.parentId, list);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
