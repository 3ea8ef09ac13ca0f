import { IsInt, IsString, Length, validate, getMetadataStorage } from 'class-validator';
import { memoiseValidationMetadata } from '../../src/common/http/validation-metadata';

describe('class-validator rules looked up once per class (validation-metadata.ts)', () => {
  beforeAll(() => memoiseValidationMetadata());

  it('validates as before, twice in a row, and sees rules of classes defined after the first validation', async () => {
    class Parent {
      @IsString() name!: unknown;
    }
    const p = Object.assign(new Parent(), { name: 5 });
    expect((await validate(p)).map((e) => e.property)).toEqual(['name']);
    expect((await validate(p)).map((e) => e.property)).toEqual(['name']);

    // A subclass (and so new rules) registered after Parent's rules were remembered.
    class Child extends Parent {
      @IsInt() age!: unknown;
    }
    const c = Object.assign(new Child(), { name: 5, age: 'x' });
    expect((await validate(c)).map((e) => e.property).sort()).toEqual(['age', 'name']);
    // Parent keeps only its own rules.
    expect(await validate(Object.assign(new Parent(), { name: 'ok' }))).toEqual([]);
  });

  it('a rule added later to a class already validated is applied (every registration forgets the memo)', async () => {
    class Late {
      @IsString() code!: unknown;
    }
    expect(await validate(Object.assign(new Late(), { code: 'abcdef' }))).toEqual([]);
    Length(1, 3)(Late.prototype, 'code');
    expect((await validate(Object.assign(new Late(), { code: 'abcdef' }))).map((e) => e.property)).toEqual(['code']);
  });

  it('returns the same answer object for the same class (the lookup is not repeated)', () => {
    class Once {
      @IsString() a!: unknown;
    }
    const s = getMetadataStorage();
    const first = s.getTargetValidationMetadatas(Once, '', false, false);
    expect(s.getTargetValidationMetadatas(Once, '', false, false)).toBe(first);
    expect(first).toHaveLength(1);
  });
});
