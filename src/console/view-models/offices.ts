import type { OfficeView } from '../../offices/offices.service.js';
import type { FlashModel } from './flash.js';

/** One office of the tree, as the office page lists it, with what the officer may do to it. */
export interface OfficeRow extends OfficeView {
  depth: number;
  parentName: string | null;
  /** Rename or recode it: officers of an office above it (the root office: its own officers). */
  canEdit: boolean;
}

export interface OfficeTreeView {
  flash: FlashModel;
  rows: OfficeRow[];
  /** Levels the officer may create (none for a city officer). */
  creatable: ('PROVINCE' | 'CITY')[];
  /** Offices a new office may sit under (provinces, the nation) within the officer's part of the tree. */
  parents: OfficeView[];
}

/**
 * The officer's office first, then those below it in tree order (a province's cities right under it),
 * each indented by its depth below the officer's office.
 */
export function officeTreeView(subtree: OfficeView[], ownId: string, flash: FlashModel): OfficeTreeView {
  const byParent = new Map<string | null, OfficeView[]>();
  for (const o of subtree) {
    const key = o.id === ownId ? null : o.parentId;
    byParent.set(key, [...(byParent.get(key) ?? []), o]);
  }
  const names = new Map(subtree.map((o) => [o.id, o.name]));
  const rows: OfficeRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const o of (byParent.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
      rows.push({
        ...o,
        depth,
        parentName: o.parentId ? (names.get(o.parentId) ?? null) : null,
        canEdit: o.id !== ownId || o.parentId === null,
      });
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  const own = subtree.find((o) => o.id === ownId);
  const creatable: ('PROVINCE' | 'CITY')[] =
    own?.level === 'NATIONAL' ? ['PROVINCE', 'CITY'] : own?.level === 'PROVINCE' ? ['CITY'] : [];
  return { flash, rows, creatable, parents: subtree.filter((o) => o.level !== 'CITY') };
}
