import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import zlib from 'node:zlib';
import { LruMap } from '../lru-map.js';

/**
 * How answers are compressed: by @fastify/compress for every answer (http-setup.ts), and here, once per
 * version, for the public answers that carry an ETag. One set of settings for both.
 */
export const COMPRESSION = {
  /** Smaller answers leave as they are. */
  threshold: 1024,
  /** In order of preference when the client accepts several equally. */
  encodings: ['br', 'gzip', 'deflate'] as ('br' | 'gzip' | 'deflate')[],
  /** Quality 4: brotli's default (11) costs far more CPU than a dynamic page is worth. */
  brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } as zlib.BrotliOptions,
};

type Encoding = (typeof COMPRESSION.encodings)[number];

const COMPRESS: Record<Encoding, (body: Buffer) => Buffer> = {
  br: (body) => zlib.brotliCompressSync(body, COMPRESSION.brotliOptions),
  gzip: (body) => zlib.gzipSync(body),
  deflate: (body) => zlib.deflateSync(body),
};

/** "*" and x-gzip read as gzip, as @fastify/compress reads them. */
const GZIP_ALIAS = /\*|x-gzip/g;

/**
 * The compressed bytes of public answers, by version (ETag) and encoding. The same search or vacancy is
 * asked again and again on a job-fair day, and compressing its answer anew each time was a fifth of the
 * CPU of a search (decision 128): the bytes are made once and kept, least recently used dropped first, up
 * to `maxEntries` answers and `maxBytes` in all.
 */
export class CompressedAnswers {
  private readonly kept: LruMap<string, Buffer>;
  private bytes = 0;
  /** Answers compressed, and answers sent from what was kept (for tests and the benchmark's notes). */
  readonly stats = { compressed: 0, reused: 0 };

  constructor(
    maxEntries = 2000,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {
    this.kept = new LruMap(maxEntries, (_key, value) => (this.bytes -= value.length));
  }

  /**
   * The answer to send: `payload` compressed for this client (with Content-Encoding and Vary set), or
   * `payload` itself when it is small, not text, or the client takes no encoding we make.
   */
  encode(req: FastifyRequest, reply: FastifyReply, etag: string, payload: string | Buffer): string | Buffer {
    const encoding = this.encodingFor(req, reply, payload);
    if (!encoding) return payload;
    const key = `${encoding} ${etag}`;
    let body = this.kept.get(key);
    if (body) this.stats.reused += 1;
    else {
      body = COMPRESS[encoding](Buffer.isBuffer(payload) ? payload : Buffer.from(payload));
      this.stats.compressed += 1;
      if (body.length <= this.maxBytes) {
        this.kept.set(key, body);
        this.bytes += body.length;
        while (this.bytes > this.maxBytes && this.kept.size > 0) this.kept.dropOldest();
      }
    }
    reply.header('Content-Encoding', encoding);
    reply.removeHeader('Content-Length');
    return body;
  }

  private encodingFor(req: FastifyRequest, reply: FastifyReply, payload: string | Buffer): Encoding | null {
    const accepted = req.headers['accept-encoding'];
    if (!accepted || req.headers['x-no-compression'] !== undefined) return null;
    const type = String(reply.getHeader('Content-Type') ?? '');
    if (!/^(application\/json|text\/)/.test(type)) return null;
    if (Buffer.byteLength(payload) < COMPRESSION.threshold) return null;
    const chosen = negotiate(accepted.toLowerCase().replace(GZIP_ALIAS, 'gzip'), COMPRESSION.encodings);
    return chosen === 'br' || chosen === 'gzip' || chosen === 'deflate' ? chosen : null;
  }
}
