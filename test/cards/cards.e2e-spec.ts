import { randomInt } from 'node:crypto';
import { DailyJobs } from '../../src/jobs/daily-jobs.service';
import { composeCardNumber, groupCardNumber, hasValidCheckDigit } from '../../src/cards/card-number';
import { PersonalData } from '../../src/common/personal-data';
import { ENGINE, startApp, type TestApp } from '../support/app';
import {
  bearer,
  digits,
  makeOfficer,
  nikFor,
  randomIdentity,
  registerSeeker,
  seekerProfile,
  seekerWithActiveCard,
  verifiedEmployer,
  type Session,
} from '../support/factories';

const GROUPED = /^1671-(\d{2})-(\d{6})-(\d)$/;

describe('AK1 cards: requests, issue, life, import', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const auditActions = async (id: string): Promise<string[]> =>
    (
      await t.ds.query(
        'SELECT action FROM audit_events WHERE entity_type = ? AND entity_id = ? ORDER BY occurred_at, id',
        ['card', id],
      )
    ).map((r: { action: string }) => r.action);

  describe('request and approval', () => {
    it('a request is PENDING without a number; approval numbers it, dates it and starts the 2-year term', async () => {
      t.clock.set('2026-01-15T03:00:00Z');
      const seeker = await registerSeeker(t);
      const req = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
      expect(req.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        cardNumber: null,
        status: 'PENDING',
        seekerId: seeker.seekerId,
        issuedAt: null,
        expiresAt: null,
        nextReportDue: null,
        reportOverdue: false,
        reports: [],
      });

      t.clock.advance(60_000);
      const approved = await t.http.post(`/api/v1/cards/${req.body.id}/approve`).set(bearer(officer)).expect(200);
      expect(approved.body).toEqual({
        ...req.body,
        status: 'ACTIVE',
        cardNumber: expect.stringMatching(GROUPED),
        issuedAt: '2026-01-15',
        expiresAt: '2028-01-15',
        nextReportDue: '2026-07-15',
      });
      const [, yy] = GROUPED.exec(approved.body.cardNumber)!;
      expect(yy).toBe('26');
      expect(hasValidCheckDigit(approved.body.cardNumber.replace(/-/g, ''))).toBe(true);

      const again = await t.http.post(`/api/v1/cards/${req.body.id}/approve`).set(bearer(officer)).expect(409);
      expect(again.body.code).toBe('INVALID_STATE_TRANSITION');
      expect(await auditActions(req.body.id)).toEqual(['card.requested', 'card.approved']);
    });

    it('refuses a second request while one is pending or active (409 CARD_ALREADY_HELD)', async () => {
      const seeker = await registerSeeker(t);
      const first = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
      const pending = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(409);
      expect(pending.body).toMatchObject({ statusCode: 409, code: 'CARD_ALREADY_HELD' });
      await t.http.post(`/api/v1/cards/${first.body.id}/approve`).set(bearer(officer)).expect(200);
      expect((await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(409)).body.code).toBe(
        'CARD_ALREADY_HELD',
      );
      expect(
        (await t.http.post('/api/v1/cards').set(bearer(officer)).send({ seekerId: seeker.seekerId }).expect(409)).body
          .code,
      ).toBe('CARD_ALREADY_HELD');
    });

    it('holds the one-card rule in the database even for simultaneous requests', async () => {
      const seeker = await registerSeeker(t);
      const replies = await Promise.all(
        Array.from({ length: 5 }, () => t.http.post('/api/v1/cards/requests').set(bearer(seeker))),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      const [row] = await t.ds.query(
        `SELECT COUNT(*) AS n FROM cards WHERE seeker_id = ? AND status IN ('PENDING','ACTIVE')`,
        [seeker.seekerId],
      );
      expect(Number(row.n)).toBe(1);
    });

    it('a rejected request carries no number and the person may ask again', async () => {
      const seeker = await registerSeeker(t);
      const req = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
      await t.http.post(`/api/v1/cards/${req.body.id}/reject`).set(bearer(officer)).send({}).expect(400);
      const rejected = await t.http
        .post(`/api/v1/cards/${req.body.id}/reject`)
        .set(bearer(officer))
        .send({ reason: 'Foto KTP tidak terbaca' })
        .expect(200);
      expect(rejected.body).toMatchObject({ status: 'REJECTED', cardNumber: null, issuedAt: null });
      expect(
        (await t.http.post(`/api/v1/cards/${req.body.id}/approve`).set(bearer(officer)).expect(409)).body.code,
      ).toBe('INVALID_STATE_TRANSITION');
      await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
      const audit = await t.ds.query('SELECT after_state FROM audit_events WHERE entity_id = ? AND action = ?', [
        req.body.id,
        'card.rejected',
      ]);
      expect(JSON.parse(audit[0].after_state)).toEqual({ status: 'REJECTED', reason: 'Foto KTP tidak terbaca' });
    });

    it('an officer issues an ACTIVE card to a walk-in seeker at once', async () => {
      const walkIn = await t.http.post('/api/v1/seekers').set(bearer(officer)).send(seekerProfile()).expect(201);
      const card = await t.http
        .post('/api/v1/cards')
        .set(bearer(officer))
        .send({ seekerId: walkIn.body.id })
        .expect(201);
      expect(card.body).toMatchObject({
        status: 'ACTIVE',
        seekerId: walkIn.body.id,
        cardNumber: expect.stringMatching(GROUPED),
        reportOverdue: false,
      });
      expect(card.body.expiresAt).toBe(`${Number(card.body.issuedAt.slice(0, 4)) + 2}${card.body.issuedAt.slice(4)}`);
      expect(await auditActions(card.body.id)).toEqual(['card.issued']);
      await t.http
        .post('/api/v1/cards')
        .set(bearer(officer))
        .send({ seekerId: '00000000-0000-4000-8000-000000000000' })
        .expect(404);
    });
  });

  describe('the card life: reports, overdue, expiry, revocation', () => {
    it('a report moves the due date to the next 6-month mark; past it, the card is overdue', async () => {
      t.clock.set('2026-03-10T03:00:00Z');
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      expect(card.nextReportDue).toBe('2026-09-10');

      t.clock.set('2026-08-01T03:00:00Z');
      const reported = await t.http
        .post(`/api/v1/cards/${card.id}/reports`)
        .set(bearer(seeker))
        .send({ note: 'Masih mencari kerja' })
        .expect(201);
      expect(reported.body.nextReportDue).toBe('2026-09-10');
      expect(reported.body.reports).toEqual([{ reportedAt: '2026-08-01T03:00:00.000Z', note: 'Masih mencari kerja' }]);

      t.clock.set('2026-09-10T03:00:00Z');
      expect((await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(seeker)).expect(200)).body.reportOverdue).toBe(
        false,
      );
      t.clock.set('2026-09-11T03:00:00Z');
      const overdue = await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(seeker)).expect(200);
      expect(overdue.body).toMatchObject({ reportOverdue: true, nextReportDue: '2026-09-10', status: 'ACTIVE' });
      const list = await t.http
        .get(`/api/v1/cards?reportOverdue=true&q=${encodeURIComponent(card.cardNumber)}`)
        .set(bearer(officer))
        .expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([card.id]);
      const notOverdue = await t.http
        .get(`/api/v1/cards?reportOverdue=false&q=${encodeURIComponent(card.cardNumber)}`)
        .set(bearer(officer))
        .expect(200);
      expect(notOverdue.body.total).toBe(0);

      // An officer reports for the holder; the next mark after today is +12 months.
      const late = await t.http.post(`/api/v1/cards/${card.id}/reports`).set(bearer(officer)).send({}).expect(201);
      expect(late.body).toMatchObject({ nextReportDue: '2027-03-10', reportOverdue: false });
      expect(late.body.reports).toEqual([
        { reportedAt: '2026-08-01T03:00:00.000Z', note: 'Masih mencari kerja' },
        { reportedAt: '2026-09-11T03:00:00.000Z' },
      ]);

      // Near the end the due date stops at the expiry.
      t.clock.set('2027-12-01T03:00:00Z');
      const last = await t.http.post(`/api/v1/cards/${card.id}/reports`).set(bearer(seeker)).expect(201);
      expect(last.body.nextReportDue).toBe('2028-03-10');
      expect(last.body.expiresAt).toBe('2028-03-10');
      expect((await auditActions(card.id)).filter((a) => a === 'card.reported')).toHaveLength(3);
    });

    it('past two years the daily job expires the card, once, even when run twice at once', async () => {
      t.clock.set('2026-02-01T03:00:00Z');
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      expect(card.expiresAt).toBe('2028-02-01');

      t.clock.set('2028-02-01T16:00:00Z'); // 23:00 WIB on the expiry date itself: still valid
      await t.app.get(DailyJobs).runAll();
      expect((await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(seeker)).expect(200)).body.status).toBe('ACTIVE');

      t.clock.set('2028-02-02T01:00:00Z'); // the day after
      const jobs = t.app.get(DailyJobs);
      const [a, b] = await Promise.all([jobs.runAll(), jobs.runAll()]);
      const expiredCounts = [a['expire-cards'], b['expire-cards']].map((r) => (r as { expired: number }).expired);
      expect(expiredCounts.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(1);
      const after = await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(seeker)).expect(200);
      expect(after.body).toMatchObject({ status: 'EXPIRED', reportOverdue: false });
      expect((await auditActions(card.id)).filter((x) => x === 'card.expired')).toHaveLength(1);
      await jobs.runAll();
      expect((await auditActions(card.id)).filter((x) => x === 'card.expired')).toHaveLength(1);

      expect((await t.http.post(`/api/v1/cards/${card.id}/reports`).set(bearer(seeker)).expect(409)).body.code).toBe(
        'CARD_NOT_ACTIVE',
      );
      // The person may ask for a new card once the old one expired.
      await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    });

    it('an officer revokes an ACTIVE card with a reason', async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      await t.http
        .post(`/api/v1/cards/${card.id}/revoke`)
        .set(bearer(seeker))
        .send({ reason: 'Data palsu' })
        .expect(403);
      const revoked = await t.http
        .post(`/api/v1/cards/${card.id}/revoke`)
        .set(bearer(officer))
        .send({ reason: 'Data palsu' })
        .expect(200);
      expect(revoked.body).toMatchObject({ status: 'REVOKED', cardNumber: card.cardNumber });
      expect(
        (
          await t.http
            .post(`/api/v1/cards/${card.id}/revoke`)
            .set(bearer(officer))
            .send({ reason: 'Data palsu' })
            .expect(409)
        ).body.code,
      ).toBe('INVALID_STATE_TRANSITION');
      expect((await t.http.post(`/api/v1/cards/${card.id}/reports`).set(bearer(seeker)).expect(409)).body.code).toBe(
        'CARD_NOT_ACTIVE',
      );
      expect((await auditActions(card.id)).sort()).toEqual(['card.approved', 'card.requested', 'card.revoked']);
    });

    it('shows the seeker the current card and the history', async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      await t.http
        .post(`/api/v1/cards/${card.id}/revoke`)
        .set(bearer(officer))
        .send({ reason: 'Salah cetak' })
        .expect(200);
      const next = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
      const mine = await t.http.get('/api/v1/cards/me').set(bearer(seeker)).expect(200);
      expect(mine.body.current).toMatchObject({ id: next.body.id, status: 'PENDING' });
      expect(mine.body.history.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
        [card.id, 'REVOKED'],
      ]);
      const fresh = await registerSeeker(t);
      expect((await t.http.get('/api/v1/cards/me').set(bearer(fresh)).expect(200)).body).toEqual({
        current: null,
        history: [],
      });
    });
  });

  it('documents every seeker, card and validation route in OpenAPI', async () => {
    const paths = Object.keys((await t.http.get('/docs-json').expect(200)).body.paths);
    for (const p of [
      '/api/v1/auth/register/seeker',
      '/api/v1/seekers',
      '/api/v1/seekers/me',
      '/api/v1/seekers/{id}',
      '/api/v1/cards',
      '/api/v1/cards/requests',
      '/api/v1/cards/me',
      '/api/v1/cards/{id}',
      '/api/v1/cards/{id}/approve',
      '/api/v1/cards/{id}/reject',
      '/api/v1/cards/{id}/revoke',
      '/api/v1/cards/{id}/reports',
      '/api/v1/cards/import',
      '/api/v1/cards/{id}/credential',
      '/api/v1/card-validations',
      '/api/v1/card-validations/credential',
      '/.well-known/jwks.json',
    ]) {
      expect(paths).toContain(p);
    }
  });

  describe('access control', () => {
    it('a card is visible to its holder and officers; other seekers get 404, employers 403', async () => {
      const { card } = await seekerWithActiveCard(t, officer);
      const other = await registerSeeker(t);
      const employer = await verifiedEmployer(t, officer);
      expect((await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(other)).expect(404)).body.code).toBe('NOT_FOUND');
      expect(
        (await t.http.post(`/api/v1/cards/${card.id}/reports`).set(bearer(other)).send({}).expect(404)).body.code,
      ).toBe('NOT_FOUND');
      await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(employer)).expect(403);
      await t.http.get('/api/v1/cards').set(bearer(other)).expect(403);
      await t.http.get('/api/v1/cards').set(bearer(employer)).expect(403);
      await t.http.post('/api/v1/cards/requests').set(bearer(employer)).expect(403);
      await t.http.post('/api/v1/cards/requests').set(bearer(officer)).expect(403);
      await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(officer)).expect(200);
      await t.http.get('/api/v1/cards/not-a-uuid').set(bearer(officer)).expect(404);
    });

    it('lists cards for officers by status and holder name, paginated', async () => {
      const name = `Zulkifli ${digits(6)}`;
      const { card } = await seekerWithActiveCard(t, officer, { fullName: name });
      const res = await t.http
        .get(`/api/v1/cards?status=ACTIVE&q=${encodeURIComponent(name.toLowerCase())}&pageSize=5`)
        .set(bearer(officer))
        .expect(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 5, total: 1 });
      expect(res.body.items[0]).toMatchObject({ id: card.id, status: 'ACTIVE' });
      expect(
        (
          await t.http
            .get(`/api/v1/cards?status=PENDING&q=${encodeURIComponent(name)}`)
            .set(bearer(officer))
            .expect(200)
        ).body.total,
      ).toBe(0);
      expect((await t.http.get('/api/v1/cards?status=NOPE').set(bearer(officer)).expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
    });
  });

  describe(`20 approvals at once (${ENGINE === 'mysql' ? 'MySQL: concurrent transactions' : 'SQLite: serialised transactions, same flow'})`, () => {
    it('gives 20 distinct, valid numbers', async () => {
      const pending: string[] = [];
      for (let i = 0; i < 20; i++) {
        const s = await registerSeeker(t);
        pending.push((await t.http.post('/api/v1/cards/requests').set(bearer(s)).expect(201)).body.id);
      }
      const replies = await Promise.all(
        pending.map((id) => t.http.post(`/api/v1/cards/${id}/approve`).set(bearer(officer))),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(20).fill(200));
      const numbers = replies.map((r) => r.body.cardNumber as string);
      expect(new Set(numbers).size).toBe(20);
      for (const n of numbers) {
        expect(n).toMatch(GROUPED);
        expect(hasValidCheckDigit(n.replace(/-/g, ''))).toBe(true);
      }
      const serials = numbers.map((n) => Number(GROUPED.exec(n)![2])).sort((a, b) => a - b);
      expect(serials[19] - serials[0]).toBe(19); // consecutive: none lost, none shared
      const rows = await t.ds.query(
        `SELECT card_number FROM cards WHERE id IN (${pending.map(() => '?').join(',')})`,
        pending,
      );
      expect(rows.map((r: { card_number: string }) => r.card_number).sort()).toEqual(
        numbers.map((n) => n.replace(/-/g, '')).sort(),
      );
    });
  });

  describe('import from the earlier system', () => {
    const header =
      'cardNumber,nik,fullName,birthPlace,birthDate,gender,address,educationLevel,issuedAt,expiresAt,status,placementEmployerName,placementStartDate';
    const person = (gender: 'L' | 'P' = 'L') => randomIdentity(gender);
    const line = (p: { nik: string; birthDate: string; gender: string }, number: string, rest: string) =>
      `${number},${p.nik},"Dewi, Lestari",Palembang,${p.birthDate},${p.gender},"Jl. Kenanga No. 3, Palembang",SMA,${rest}`;

    it('imports valid lines, reports bad ones by line, and never half-writes a bad line', async () => {
      t.clock.set('2026-05-01T03:00:00Z');
      const [a, b, c, d, e, f] = [person('P'), person(), person(), person('P'), person(), person()];
      const oldNumber = `AK1/1671/2025/${digits(6)}`;
      const luhnNumber = composeCardNumber('1671', 2025, randomInt(1, 999_999));
      const placedNumber = `560.${digits(8)}`;
      const csv = [
        header,
        line(a, oldNumber, '2025-03-01,,ACTIVE,,'),
        line(b, groupCardNumber(luhnNumber), '2025-06-01,2027-06-01,ACTIVE,,'),
        line(c, placedNumber, '2024-01-10,,PLACED,PT Pusri,2024-08-01'),
        line(d, `OLD-${digits(7)}`, '2023-01-01,2025-01-01,EXPIRED,,'),
        // bad: check digit, wrong NIK date, duplicate number (new NIK: must not be created), ACTIVE past expiry, second active card
        line(e, luhnNumber.slice(0, 12) + String((Number(luhnNumber[12]) + 1) % 10), '2025-06-01,,ACTIVE,,'),
        `${digits(9)},${nikFor('1990-01-01', 'L')},Budi,Palembang,1991-01-01,L,Jl. Mawar No. 1,SMA,2025-01-01,,ACTIVE,,`,
        line(f, oldNumber, '2025-03-01,,EXPIRED,,'),
        line(person(), `X${digits(8)}`, '2023-01-01,2025-01-01,ACTIVE,,'),
        line(a, `Y${digits(8)}`, '2025-04-01,,ACTIVE,,'),
      ].join('\r\n');
      const res = await t.http
        .post('/api/v1/cards/import')
        .set(bearer(officer))
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(200);
      expect(res.body.imported).toBe(4);
      expect(
        res.body.rejected.map((r: { line: number; errors: { field: string }[] }) => [
          r.line,
          r.errors.map((x) => x.field),
        ]),
      ).toEqual([
        [6, ['cardNumber']],
        [7, ['nik']],
        [8, ['cardNumber']],
        [9, ['expiresAt']],
        [10, ['nik']],
      ]);
      expect(res.body.rejected[0].errors[0].messages[0]).toContain('check digit');

      // The duplicate-number line had a new NIK: its seeker must not exist.
      const hash = t.app.get(PersonalData).lookupHash(f.nik);
      expect(Number((await t.ds.query('SELECT COUNT(*) AS n FROM seekers WHERE nik_hash = ?', [hash]))[0].n)).toBe(0);

      const list = await t.http
        .get(`/api/v1/cards?q=${encodeURIComponent(oldNumber)}`)
        .set(bearer(officer))
        .expect(200);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({
        cardNumber: oldNumber,
        status: 'ACTIVE',
        issuedAt: '2025-03-01',
        expiresAt: '2027-03-01',
        nextReportDue: '2026-09-01',
        reportOverdue: false,
      });
      const placed = await t.http
        .get(`/api/v1/cards?q=${encodeURIComponent(placedNumber)}`)
        .set(bearer(officer))
        .expect(200);
      expect(placed.body.items[0]).toMatchObject({
        status: 'PLACED',
        cardNumber: placedNumber,
        placement: { employerName: 'PT Pusri', startDate: '2024-08-01', source: 'IMPORT' },
      });
      const seeker = await t.http
        .get(`/api/v1/seekers/${placed.body.items[0].seekerId}`)
        .set(bearer(officer))
        .expect(200);
      expect(seeker.body).toMatchObject({ nik: c.nik, fullName: 'Dewi, Lestari', activeJobSeeker: false });
      expect(await auditActions(list.body.items[0].id)).toEqual(['card.imported']);

      // An imported card is validated like any other.
      const employer = await verifiedEmployer(t, officer);
      const check = await t.http
        .post('/api/v1/card-validations')
        .set(bearer(employer))
        .send({ cardNumber: oldNumber.toLowerCase(), nik: a.nik })
        .expect(200);
      expect(check.body).toMatchObject({
        result: 'VALID',
        valid: true,
        cardNumber: oldNumber,
        holderName: 'D**** L******',
      });
      const luhn = await t.http
        .post('/api/v1/card-validations')
        .set(bearer(employer))
        .send({ cardNumber: luhnNumber, nik: b.nik })
        .expect(200);
      expect(luhn.body).toMatchObject({ result: 'VALID', cardNumber: groupCardNumber(luhnNumber) });
    });

    it('refuses a file with unknown or missing columns, a JSON body, and non-officers', async () => {
      const bad = await t.http
        .post('/api/v1/cards/import')
        .set(bearer(officer))
        .set('Content-Type', 'text/csv')
        .send('cardNumber,nik,religion\n1,2,3')
        .expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(bad.body.details[0].messages).toEqual(
        expect.arrayContaining(['unknown column "religion"', 'missing column "fullName"']),
      );
      expect(
        (await t.http.post('/api/v1/cards/import').set(bearer(officer)).send({ csv: 'x' }).expect(415)).body.code,
      ).toBe('UNSUPPORTED_MEDIA_TYPE');
      const seeker = await registerSeeker(t);
      await t.http
        .post('/api/v1/cards/import')
        .set(bearer(seeker))
        .set('Content-Type', 'text/csv')
        .send(header)
        .expect(403);
      const empty = await t.http
        .post('/api/v1/cards/import')
        .set(bearer(officer))
        .set('Content-Type', 'text/csv')
        .send(header + '\n')
        .expect(200);
      expect(empty.body).toEqual({ imported: 0, rejected: [] });
    });
  });
});
