import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { create as qrCreate } from 'qrcode';
import { addDays } from '../../src/common/dates';
import { credentialQrSegments, credentialQrVersion } from '../../src/card-validation/credential-qr';
import { loadConfig } from '../../src/config/config';
import { ENGINE, startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, seekerWithActiveCard, verifiedEmployer, type Session } from '../support/factories';

/**
 * Issue 18: a credential lives as long as its card (decision 54), survives a key rotation (55), closed
 * cards are listed for offline verifiers (card-status), and the printed QR is short enough to decode
 * at 22 mm rendered at 150 dpi (56).
 */
describe('card credentials: lifetime, rotation, card-status, the compact QR', () => {
  let t: TestApp;
  let officer: Session;
  let employer: Session;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const fetchCredential = async (app: TestApp, who: Session, cardId: string) =>
    (await app.http.get(`/api/v1/cards/${cardId}/credential`).set(bearer(who)).expect(200)).body as {
      token: string;
      code: string;
      qrPng: string;
    };
  const checkOnline = (app: TestApp, token: string) =>
    app.http.post('/api/v1/card-validations/credential').set(bearer(employer)).send({ token });
  const checkPublicly = async (app: TestApp, query: string) => {
    const res = await app.http.get(`/cek-kartu?${query}`).expect(200);
    return res.text;
  };

  describe('lifetime: until the end of the card’s expiry day', () => {
    it('a credential fetched on the first day verifies on the 700th day, online and on the public page, and not after expiry', async () => {
      t.clock.set('2026-02-02T02:00:00Z');
      const { seeker, card } = await seekerWithActiveCard(t, officer, { fullName: 'Dewi Lestari' });
      expect(card.issuedAt).toBe('2026-02-02');
      const { token, code } = await fetchCredential(t, seeker, card.id);
      expect(code).toMatch(/^[A-Z2-7]{138}$/);
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      // End of the expiry day in Asia/Jakarta (UTC+7), not 30 days.
      expect(claims.exp).toBe(Date.parse(`${addDays(card.expiresAt, 1)}T00:00:00+07:00`) / 1000);

      t.clock.set(`${addDays(card.issuedAt, 699)}T03:00:00Z`); // day 700
      for (const presented of [token, code]) {
        const res = await checkOnline(t, presented).expect(200);
        expect(res.body).toMatchObject({ result: 'VALID', valid: true, cardNumber: card.cardNumber });
      }
      for (const query of [`c=${code}`, `t=${encodeURIComponent(token)}`]) {
        const page = await checkPublicly(t, query);
        expect(page).toContain('class="result valid"');
        expect(page).toContain(card.cardNumber);
      }

      // The last minute of the expiry day (23:59 WIB) still verifies; the next one does not.
      t.clock.set(`${card.expiresAt}T16:59:00Z`);
      await checkOnline(t, code).expect(200);
      t.clock.set(`${card.expiresAt}T17:00:00Z`);
      for (const presented of [token, code]) {
        expect((await checkOnline(t, presented).expect(422)).body.code).toBe('CREDENTIAL_EXPIRED');
      }
      const page = await checkPublicly(t, `c=${code}`);
      expect(page).not.toContain('class="result valid"');
      expect(page).not.toContain(card.cardNumber);
    });

    it('a revoked, withdrawn or placed card’s credential has a valid signature, but the live status is not ACTIVE; card-status lists them', async () => {
      const closed: { id: string; status: string; code: string; token: string }[] = [];
      for (const how of ['REVOKED', 'WITHDRAWN', 'PLACED'] as const) {
        const { seeker, card } = await seekerWithActiveCard(t, officer);
        const { token, code } = await fetchCredential(t, seeker, card.id);
        if (how === 'REVOKED')
          await t.http
            .post(`/api/v1/cards/${card.id}/revoke`)
            .set(bearer(officer))
            .send({ reason: 'Data tidak benar' })
            .expect(200);
        if (how === 'WITHDRAWN')
          await t.http
            .post(`/api/v1/cards/${card.id}/withdraw`)
            .set(bearer(seeker))
            .send({ reason: 'Pindah kota' })
            .expect(200);
        if (how === 'PLACED')
          await t.http
            .post('/api/v1/placements')
            .set(bearer(employer))
            .send({ cardNumber: card.cardNumber, nik: seeker.nik, startDate: t.clock.today(), position: 'Operator' })
            .expect(201);
        closed.push({ id: card.id, status: how, code, token });
      }
      const { seeker: activeSeeker, card: active } = await seekerWithActiveCard(t, officer);
      await fetchCredential(t, activeSeeker, active.id);

      for (const c of closed) {
        for (const presented of [c.code, c.token]) {
          const res = await checkOnline(t, presented).expect(200);
          expect(res.body).toMatchObject({ result: c.status, valid: false });
        }
        const page = await checkPublicly(t, `c=${c.code}`);
        expect(page).toContain('class="result invalid"');
      }

      // The signed list for offline verifiers.
      const res = await t.http.get('/.well-known/card-status').expect(200);
      expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+/);
      const body = JSON.parse(res.text);
      expect(body).toMatchObject({ iss: 'ak1-platform', since: null });
      for (const c of closed) expect(body.ids).toContain(c.id);
      expect(body.ids).not.toContain(active.id);
      expect([...body.ids].sort()).toEqual(body.ids);

      const [h, empty, s] = String(res.headers['x-jws-signature']).split('.');
      expect(empty).toBe('');
      const header = JSON.parse(Buffer.from(h, 'base64url').toString());
      expect(header.alg).toBe('EdDSA');
      const jwk = (await t.http.get('/.well-known/jwks.json').expect(200)).body.keys.find(
        (k: { kid: string }) => k.kid === header.kid,
      );
      const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
      const signed = (text: string) => Buffer.from(`${h}.${Buffer.from(text).toString('base64url')}`);
      expect(verify(null, signed(res.text), key, Buffer.from(s, 'base64url'))).toBe(true);
      expect(verify(null, signed(res.text.replace(closed[0].id, active.id)), key, Buffer.from(s, 'base64url'))).toBe(
        false,
      );

      // Cacheable: the same list again is 304 with its ETag.
      await t.http.get('/.well-known/card-status').set('If-None-Match', res.headers.etag).expect(304);
      // since=: only cards closed since that day; the day after today has none of them.
      const later = JSON.parse(
        (await t.http.get(`/.well-known/card-status?since=${addDays(t.clock.today(), 1)}`).expect(200)).text,
      );
      for (const c of closed) expect(later.ids).not.toContain(c.id);
      const today = JSON.parse(
        (await t.http.get(`/.well-known/card-status?since=${t.clock.today()}`).expect(200)).text,
      );
      for (const c of closed) expect(today.ids).toContain(c.id);
      expect((await t.http.get('/.well-known/card-status?since=2026-02-30').expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
      // Once past their expiry day the closed cards drop out: their credentials have expired too.
      t.clock.set(`${addDays(active.expiresAt, 1)}T03:00:00Z`);
      const afterExpiry = JSON.parse((await t.http.get('/.well-known/card-status').expect(200)).text);
      for (const c of closed) expect(afterExpiry.ids).not.toContain(c.id);
    });

    it('refuses a tampered compact credential', async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const { code } = await fetchCredential(t, seeker, card.id);
      const flip = (i: number) => code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
      // The card id, the expiry day, the key hint, the signature; a wrong length; not base32.
      for (const bad of [
        flip(5),
        flip(29),
        flip(32),
        flip(100),
        code.slice(0, -1),
        `${code}A`,
        code.replace(/.$/, '1'),
        'x',
      ]) {
        const res = await checkOnline(t, bad);
        expect([res.status, res.body.code]).toEqual([400, 'INVALID_CREDENTIAL']);
      }
    });
  });

  describe('key rotation', () => {
    const pem = () => {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      return {
        privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      };
    };

    it('a credential signed with key A verifies after a restart with key B current and A retired; unlisted keys are refused', async () => {
      const a = pem();
      const b = pem();
      const appA = await startApp({ CARD_SIGNING_KEY: a.privatePem });
      const same: Record<string, string> = ENGINE === 'sqlite' ? { DB_PATH: appA.config.db.path! } : {};
      const apps: TestApp[] = [];
      try {
        const officerA = await makeOfficer(appA);
        const { seeker, card } = await seekerWithActiveCard(appA, officerA);
        const old = await fetchCredential(appA, seeker, card.id);
        const kidA = JSON.parse(Buffer.from(old.token.split('.')[0], 'base64url').toString()).kid;

        // Restart: B signs, A is retired (here as its public PEM; env files write newlines as \n).
        const appB = await startApp({
          ...same,
          CARD_SIGNING_KEY: b.privatePem,
          CARD_SIGNING_KEYS_RETIRED: a.publicPem.replace(/\n/g, '\\n'),
        });
        apps.push(appB);
        const kids = (await appB.http.get('/.well-known/jwks.json').expect(200)).body.keys.map(
          (k: { kid: string }) => k.kid,
        );
        expect(kids).toHaveLength(2);
        expect(kids[1]).toBe(kidA);
        const employerB = await verifiedEmployer(appB, await makeOfficer(appB));
        for (const presented of [old.token, old.code]) {
          const res = await appB.http
            .post('/api/v1/card-validations/credential')
            .set(bearer(employerB))
            .send({ token: presented })
            .expect(200);
          expect(res.body).toMatchObject({ result: 'VALID', cardNumber: card.cardNumber });
        }
        expect(await checkPublicly(appB, `c=${old.code}`)).toContain('class="result valid"');
        const fresh = await fetchCredential(appB, seeker, card.id);
        expect(JSON.parse(Buffer.from(fresh.token.split('.')[0], 'base64url').toString()).kid).toBe(kids[0]);
        expect(fresh.code).not.toBe(old.code);

        // A verifier that does not list A (B alone) refuses A's credentials: INVALID_CREDENTIAL.
        const appOnlyB = await startApp({ ...same, CARD_SIGNING_KEY: b.privatePem });
        apps.push(appOnlyB);
        expect((await appOnlyB.http.get('/.well-known/jwks.json').expect(200)).body.keys).toHaveLength(1);
        const employerOnlyB = await verifiedEmployer(appOnlyB, await makeOfficer(appOnlyB));
        for (const presented of [old.token, old.code]) {
          const res = await appOnlyB.http
            .post('/api/v1/card-validations/credential')
            .set(bearer(employerOnlyB))
            .send({ token: presented });
          expect([res.status, res.body.code]).toEqual([400, 'INVALID_CREDENTIAL']);
        }
        await appOnlyB.http
          .post('/api/v1/card-validations/credential')
          .set(bearer(employerOnlyB))
          .send({ token: fresh.code })
          .expect(200);
      } finally {
        for (const app of apps.reverse()) await app.close();
        await appA.close();
      }
    });

    it('refuses to start with a retired key that is not an Ed25519 key', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ak1-retired-'));
      try {
        const env = { NODE_ENV: 'test', DATA_DIR: dir };
        const good = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;
        expect(loadConfig({ ...env, CARD_SIGNING_KEYS_RETIRED: ` ${good} ` }).cardSigningKeysRetired).toEqual([good]);
        expect(() => loadConfig({ ...env, CARD_SIGNING_KEYS_RETIRED: `${good},not-a-key` })).toThrow(
          /CARD_SIGNING_KEYS_RETIRED: key 2/,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('the QR code', () => {
    /** The QR's module matrix drawn `px` pixels wide (quiet zone of 4 modules around), area-averaged grey like a rasteriser. */
    function render(modules: { size: number; get(r: number, c: number): number }, px: number) {
      const n = modules.size + 8;
      const scale = px / modules.size;
      const width = Math.ceil(n * scale);
      const data = new Uint8ClampedArray(width * width * 4);
      const SUB = 4;
      for (let y = 0; y < width; y++) {
        for (let x = 0; x < width; x++) {
          let dark = 0;
          for (let sy = 0; sy < SUB; sy++) {
            for (let sx = 0; sx < SUB; sx++) {
              const mr = Math.floor((y + (sy + 0.5) / SUB) / scale) - 4;
              const mc = Math.floor((x + (sx + 0.5) / SUB) / scale) - 4;
              if (mr >= 0 && mc >= 0 && mr < modules.size && mc < modules.size && modules.get(mr, mc)) dark++;
            }
          }
          const v = Math.round(255 * (1 - dark / (SUB * SUB)));
          data.set([v, v, v, 255], (y * width + x) * 4);
        }
      }
      return { data, width };
    }

    it('the PNG decodes with a standard decoder, and the symbol still decodes at 22 mm rendered at 150 dpi (130 px)', async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const { token, code, qrPng } = await fetchCredential(t, seeker, card.id);
      const link = `${t.config.notifications.linkBase}/cek-kartu?c=${code}`;

      const png = PNG.sync.read(Buffer.from(qrPng, 'base64'));
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(decoded?.data).toBe(link);
      // The link opens the public check page on the card.
      expect(await checkPublicly(t, link.split('?')[1])).toContain('class="result valid"');

      const origin = 'https://ak1.disnaker.palembang.go.id';
      const compact = credentialQrVersion(origin, token, code);
      const jws = credentialQrVersion(origin, token, null);
      expect(compact).toEqual({ version: 8, modules: 49 });
      expect(jws.modules).toBeGreaterThanOrEqual(85);

      // 22 mm at 150 dpi is 130 px: 2.65 px a module (the JWS link's symbol had 1.4).
      const matrix = qrCreate(credentialQrSegments(origin, token, code), { errorCorrectionLevel: 'M' }).modules;
      for (const px of [130, 118]) {
        const small = render(matrix, px);
        expect(jsQR(small.data, small.width, small.width)?.data).toBe(`${origin}/cek-kartu?c=${code}`);
      }
    });
  });
});
