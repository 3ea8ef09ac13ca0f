import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { fixedHeadersOf } from '../../src/http-setup';

describe('security headers taken once from helmet (http-setup.ts fixedHeadersOf)', () => {
  it.each([
    ['defaults', {}],
    [
      "the app's options",
      {
        contentSecurityPolicy: {
          useDefaults: false,
          directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] },
        },
        frameguard: { action: 'deny' as const },
        referrerPolicy: { policy: 'same-origin' as const },
        strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
        crossOriginEmbedderPolicy: false,
      },
    ],
  ])('equal what helmet sets on a real response (%s)', (_name, options) => {
    const middleware = helmet(options);
    const res = new ServerResponse(new IncomingMessage(new Socket()));
    res.setHeader('X-Powered-By', 'x'); // helmet removes it
    let called = false;
    middleware(new IncomingMessage(new Socket()), res, () => (called = true));
    expect(called).toBe(true);
    const real = Object.fromEntries(
      Object.entries(res.getHeaders()).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)]),
    );
    const fixed = Object.fromEntries(Object.entries(fixedHeadersOf(middleware)).map(([k, v]) => [k.toLowerCase(), v]));
    expect(fixed).toEqual(real);
    expect(Object.keys(fixed).length).toBeGreaterThan(8);
  });
});
