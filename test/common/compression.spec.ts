import type { FastifyReply, FastifyRequest } from 'fastify';
import zlib from 'node:zlib';
import { CompressedAnswers } from '../../src/common/http/compression';

/** The little of a request and a reply that CompressedAnswers reads and writes. */
function exchange(acceptEncoding: string | undefined, contentType = 'application/json; charset=utf-8') {
  const headers = new Map<string, string>([['content-type', contentType]]);
  const req = { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } } as FastifyRequest;
  const reply = {
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    header: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  } as unknown as FastifyReply;
  return { req, reply, headers };
}

const answer = (n: number) =>
  JSON.stringify({ items: Array.from({ length: n }, (_, i) => ({ id: i, title: `Kasir ${i}` })) });

describe('CompressedAnswers', () => {
  it('compresses a version once per encoding and sends the kept bytes afterwards', () => {
    const answers = new CompressedAnswers();
    const body = answer(100);
    const first = exchange('br');
    const sent = answers.encode(first.req, first.reply, 'W/"v1"', body) as Buffer;
    expect(first.headers.get('content-encoding')).toBe('br');
    expect(zlib.brotliDecompressSync(sent).toString()).toBe(body);
    const second = exchange('gzip, deflate, br');
    expect(answers.encode(second.req, second.reply, 'W/"v1"', body)).toBe(sent);
    expect(answers.stats).toEqual({ compressed: 1, reused: 1 });
    const gzip = exchange('gzip');
    expect(zlib.gunzipSync(answers.encode(gzip.req, gzip.reply, 'W/"v1"', body) as Buffer).toString()).toBe(body);
    expect(answers.stats).toEqual({ compressed: 2, reused: 1 });
  });

  it('leaves small answers, other types and clients that take no encoding as they are', () => {
    const answers = new CompressedAnswers();
    for (const [accept, type, body] of [
      ['br', 'application/json', answer(2)],
      ['br', 'image/png', answer(100)],
      [undefined, 'application/json', answer(100)],
      ['identity', 'application/json', answer(100)],
      ['br;q=0, gzip;q=0, deflate;q=0', 'application/json', answer(100)],
    ] as const) {
      const x = exchange(accept, type);
      expect(answers.encode(x.req, x.reply, 'W/"v"', body)).toBe(body);
      expect(x.headers.has('content-encoding')).toBe(false);
    }
    expect(answers.stats).toEqual({ compressed: 0, reused: 0 });
  });

  it('keeps at most its entries and bytes, dropping the least recently used', () => {
    const answers = new CompressedAnswers(3);
    const send = (v: string) => {
      const x = exchange('gzip');
      answers.encode(x.req, x.reply, v, answer(200));
    };
    for (const v of ['a', 'b', 'c', 'a', 'd']) send(v); // 'b' is the least recently used when 'd' arrives
    expect(answers.stats).toEqual({ compressed: 4, reused: 1 });
    send('a');
    send('b');
    expect(answers.stats).toEqual({ compressed: 5, reused: 2 });

    const one = zlib.gzipSync(answer(200)).length;
    const small = new CompressedAnswers(100, one * 2);
    const sendSmall = (v: string) => {
      const x = exchange('gzip');
      small.encode(x.req, x.reply, v, answer(200));
    };
    for (const v of ['a', 'b', 'c', 'c', 'a']) sendSmall(v); // room for two: 'a' was dropped when 'c' came
    expect(small.stats).toEqual({ compressed: 4, reused: 1 });
  });
});
