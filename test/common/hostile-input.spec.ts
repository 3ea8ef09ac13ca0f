import { bearerToken } from '../../src/common/auth/bearer';
import { isPeriodDate } from '../../src/common/dates';
import {
  checkJsonBody,
  findForbiddenKey,
  FORBIDDEN_KEYS,
  hasLoneSurrogate,
  hostileInputIssues,
  jsonDepthExceeds,
  MAX_JSON_DEPTH,
  RefusedBody,
  withoutHostileInput,
} from '../../src/common/http/hostile-input';

const utf8 = (s: string) => new TextEncoder().encode(s);
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('jsonDepthExceeds', () => {
  it('counts arrays and objects, refusing one level past the limit', () => {
    expect(jsonDepthExceeds(utf8(nested(32)), 32)).toBe(false);
    expect(jsonDepthExceeds(utf8(nested(33)), 32)).toBe(true);
    const objects = (d: number) => '{"a":'.repeat(d - 1) + '{}' + '}'.repeat(d - 1);
    expect(jsonDepthExceeds(utf8(objects(32)), 32)).toBe(false);
    expect(jsonDepthExceeds(utf8(objects(33)), 32)).toBe(true);
    expect(jsonDepthExceeds(utf8('[{"a":[{"b":[]}]}]'), 5)).toBe(false);
    expect(jsonDepthExceeds(utf8('[{"a":[{"b":[]}]}]'), 4)).toBe(true);
  });

  it('uses the depth reached, not the number of brackets', () => {
    expect(jsonDepthExceeds(utf8('[],'.repeat(10_000) + '[]'), 1)).toBe(false);
    expect(jsonDepthExceeds(utf8('{"a":[1,[2]],"b":{"c":{}}}'), 3)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes and backslashes included', () => {
    expect(jsonDepthExceeds(utf8(`{"a":"${'['.repeat(100)}"}`), 2)).toBe(false);
    expect(jsonDepthExceeds(utf8(`{"a":"\\"${'['.repeat(100)}"}`), 2)).toBe(false);
    // `\\` ends in a backslash that is itself escaped: the quote after it closes the string.
    expect(jsonDepthExceeds(utf8(`{"a":"\\\\","b":${nested(5)}}`), 5)).toBe(true);
    expect(jsonDepthExceeds(utf8(`{"a":"\\\\","b":${nested(4)}}`), 5)).toBe(false);
  });

  it('is not fooled by multi-byte UTF-8 characters', () => {
    expect(jsonDepthExceeds(utf8(`{"a":"𝕏[ü]€${'['.repeat(50)}","b":[["日本"]]}`), 3)).toBe(false);
  });

  it('scans strings (decoded text) too', () => {
    expect(jsonDepthExceeds(nested(33), 32)).toBe(true);
    expect(jsonDepthExceeds(`["${'{'.repeat(40)}"]`, 32)).toBe(false);
  });

  it('scans the audit finding (800 KB, 400 000 levels) in one pass and stops at the limit', () => {
    expect(jsonDepthExceeds(Buffer.from(nested(400_000)), MAX_JSON_DEPTH)).toBe(true);
  });
});

describe('checkJsonBody', () => {
  it('refuses a deep body as entity.too.deep (400), lets a shallow one through', () => {
    expect(() => checkJsonBody(Buffer.from('{"a":[1]}'), 'utf-8')).not.toThrow();
    const err = (() => {
      try {
        checkJsonBody(Buffer.from(nested(40)), 'utf-8');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(RefusedBody);
    expect(err).toMatchObject({ type: 'entity.too.deep', status: 400 });
  });

  it('decodes UTF-16 before scanning, and refuses a charset it cannot decode (415)', () => {
    const deep16 = Buffer.from(nested(40), 'utf16le');
    expect(() => checkJsonBody(deep16, 'utf-16le')).toThrow(RefusedBody);
    // In UTF-16, U+225B is the bytes 5B 22 — "[" and '"' to a byte scanner — inside a string.
    expect(() => checkJsonBody(Buffer.from(`["${'\u225b'.repeat(40)}"]`, 'utf16le'), 'utf-16le')).not.toThrow();
    expect(() => checkJsonBody(Buffer.from('{}'), 'utf-32')).toThrow(
      expect.objectContaining({ type: 'charset.unsupported', status: 415 }),
    );
  });
});

describe('findForbiddenKey / hostileInputIssues', () => {
  it('finds keys named like Object.prototype members at any depth, by path', () => {
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(FORBIDDEN_KEYS.has(key)).toBe(true);
      expect(findForbiddenKey(JSON.parse(`{"a":1,${JSON.stringify(key)}:{}}`))).toBe(key);
      expect(findForbiddenKey(JSON.parse(`{"company":{"x":[{"y":1},{${JSON.stringify(key)}:2}]}}`))).toBe(
        `company.x.1.${key}`,
      );
    }
    expect(findForbiddenKey({ email: 'a@b.co', skills: ['constructor', '__proto__'] })).toBeNull();
    expect(findForbiddenKey('constructor')).toBeNull();
  });

  it('finds lone surrogates in values and keys, not well-formed pairs', () => {
    expect(hasLoneSurrogate('\ud800@x.co')).toBe(true);
    expect(hasLoneSurrogate('a\udfffb')).toBe(true);
    expect(hasLoneSurrogate('😀 \ud83d\ude00')).toBe(false);
    expect(
      hostileInputIssues({
        email: '\ud800@x.co',
        company: { legalName: 'PT \udc00' },
        skills: ['ok', 'x\ud83d'],
        name: '😀',
      }).map((i) => [i.kind, i.field]),
    ).toEqual([
      ['loneSurrogate', 'email'],
      ['loneSurrogate', 'company.legalName'],
      ['loneSurrogate', 'skills.1'],
    ]);
    const [keyIssue] = hostileInputIssues({ 'k\udbff': 1 });
    expect(keyIssue.field).toBe('k\ufffd');
    expect(hasLoneSurrogate(JSON.stringify(keyIssue))).toBe(false);
    expect(hostileInputIssues('\ud800', 'q')).toEqual([expect.objectContaining({ field: 'q' })]);
  });

  it('walks a deeply nested value without recursion', () => {
    let v: unknown = { constructor: 1 };
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(findForbiddenKey(v)).toBe(`${'0.'.repeat(100_000)}constructor`);
  });
});

describe('withoutHostileInput', () => {
  it('drops forbidden keys and replaces lone surrogates, leaving the rest as it was', () => {
    const input = JSON.parse(
      '{"email":"\\ud800@x.co","__proto__":{"admin":true},"a":[{"constructor":1,"b":"ok"}],"n":1,"z":null}',
    );
    const out = withoutHostileInput(input) as Record<string, unknown>;
    expect(out).toEqual({ email: '\ufffd@x.co', a: [{ b: 'ok' }], n: 1, z: null });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('bearerToken', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl_-';

  it('takes exactly one JWT after the scheme, any case of it', () => {
    expect(bearerToken(`Bearer ${jwt}`)).toBe(jwt);
    expect(bearerToken(`bearer ${jwt}`)).toBe(jwt);
    expect(bearerToken(`BEARER ${jwt}`)).toBe(jwt);
  });

  it('refuses anything more, less or else', () => {
    for (const h of [
      `Bearer ${jwt} extra`,
      `Bearer ${jwt} ${jwt}`,
      `Bearer ${jwt},x`,
      `Bearer  ${jwt}`,
      `Bearer\t${jwt}`,
      ` Bearer ${jwt}`,
      `Bearer ${jwt}\n`,
      `Basic ${jwt}`,
      jwt,
      'Bearer',
      'Bearer ',
      `Bearer ${jwt}.x`,
      'Bearer a.b.',
      'Bearer a..c',
      `Bearer ${jwt.replace('.', '+')}`,
    ]) {
      expect([h, bearerToken(h)]).toEqual([h, null]);
    }
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken([`Bearer ${jwt}`])).toBeNull();
  });
});

describe('isPeriodDate', () => {
  it('takes real dates of the years 1900–2100 only', () => {
    for (const d of ['1900-01-01', '2026-02-28', '2024-02-29', '2100-12-31'])
      expect([d, isPeriodDate(d)]).toEqual([d, true]);
    for (const d of [
      '1899-12-31',
      '2101-01-01',
      '9999-12-31',
      '0000-01-01',
      '0099-06-15',
      '2026-02-30',
      '2026-13-01',
      '+10000-01-01',
      '2026-1-1',
      20260101,
      null,
    ]) {
      expect([d, isPeriodDate(d)]).toEqual([d, false]);
    }
  });
});
