import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';

type Storage = ReturnType<typeof getMetadataStorage> & {
  getTargetValidationMetadatas(
    target: unknown,
    schema: string,
    always: boolean,
    strictGroups: boolean,
    groups?: string[],
  ): ValidationMetadata[];
  addValidationMetadata(metadata: ValidationMetadata): void;
  __ak1Memoised?: true;
};

/**
 * class-validator looks up a DTO's rules anew for every object it validates, walking every class that has
 * rules (several hundred here) to find the DTO's ancestors: ~2 % of a card validation's CPU
 * (docs/benchmarks.md). The rules are fixed once the classes are loaded, so the answer for the same
 * class and options is remembered; registering any new rule (a class loaded later) forgets everything.
 * Calls with validation groups (not used here) are passed through untouched.
 */
export function memoiseValidationMetadata(): void {
  const storage = getMetadataStorage() as Storage;
  if (storage.__ak1Memoised) return;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let memo = new Map<unknown, Map<string, ValidationMetadata[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups && groups.length > 0) return lookup(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}`;
    let perTarget = memo.get(target);
    if (!perTarget) memo.set(target, (perTarget = new Map()));
    let found = perTarget.get(key);
    if (!found) perTarget.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.addValidationMetadata = (metadata) => {
    memo = new Map();
    add(metadata);
  };
  storage.__ak1Memoised = true;
}
