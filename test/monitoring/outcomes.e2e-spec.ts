import { DailyJobs } from '../../src/jobs/daily-jobs.service';
import { browser, postForm, signIn, textOf } from '../console/support';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  nikFor,
  postVacancy,
  verifiedEmployer,
  walkInSeekerWithCard,
  type EmployerSession,
  type Session,
} from '../support/factories';

/**
 * `GET /monitoring/outcomes` and the outreach list's `silentClosures`, against a world built in October
 * and November 2026 where every card and vacancy closes in a known way, on a database of its own.
 *
 * Cards: A, D, F from the earlier system expire (A on 10-15 and D on 10-31, written by the daily job;
 * F on 11-05, never written: the row still says ACTIVE); G stays active. B and C are hired in October
 * (C at 23:30 WIB on 10-31, still October), E at 00:30 WIB on 11-01 (still October in UTC); R is revoked
 * in November; W withdraws in October.
 * Vacancies: V1 (E1) fills in October; V2 (E2) is closed by hand in October with a position unfilled and
 * nothing said; V3 (E3) is closed in November with an outcome "hired without an AK1"; V4 (E1) runs past
 * its closing date 10-31 (closed on 11-01 by the job); V5 (E2) runs past 11-15, never written.
 */
describe('outcomes: how much of the register is known', () => {
  let t: TestApp;
  let officer: Session;
  let e1: EmployerSession;
  let e2: EmployerSession;
  let e3: EmployerSession;
  let e4: EmployerSession; // closes nothing
  const at = (isoWib: string) => t.clock.set(new Date(`${isoWib}+07:00`));
  const noon = (day: string) => at(`${day}T12:00:00`);

  /** The holder is no longer looking for work: an officer records it at the counter (walk-in cards have no login). */
  const withdraw = async (cardId: string, reason: string) => {
    const res = await t.http.post(`/api/v1/cards/${cardId}/withdraw`).set(bearer(officer)).send({ reason });
    expect({ status: res.status, cardStatus: res.body.status }).toEqual({ status: 200, cardStatus: 'WITHDRAWN' });
  };

  /** The employer's account of a closed vacancy, without hires: only why the positions stayed open. */
  const recordOutcome = async (vacancyId: string, employer: EmployerSession, unfilledReason: string | null) => {
    const res = await t.http
      .post(`/api/v1/vacancies/${vacancyId}/outcome`)
      .set(bearer(employer))
      .send({ hires: [], ...(unfilledReason ? { unfilledReason } : {}) });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200, body: { unfilledReason } });
  };

  const hire = (e: EmployerSession, card: { cardNumber: string; nik: string }, startDate: string, vacancyId?: string) =>
    t.http
      .post('/api/v1/placements')
      .set(bearer(e))
      .send({
        cardNumber: card.cardNumber,
        nik: card.nik,
        startDate,
        position: 'Kasir',
        ...(vacancyId ? { vacancyId } : {}),
      })
      .expect(201);

  const walkIn = async () => {
    const w = await walkInSeekerWithCard(t, officer);
    return { id: w.card.id, cardNumber: w.card.cardNumber, nik: w.nik };
  };

  beforeAll(async () => {
    t = await startApp({}, [], { freshDatabase: true });
    noon('2026-09-10');
    officer = await makeOfficer(t);
    e1 = await verifiedEmployer(t, officer, { kbli: '47111' });
    e2 = await verifiedEmployer(t, officer, { kbli: '47111' });
    e3 = await verifiedEmployer(t, officer, { kbli: '10792' });
    e4 = await verifiedEmployer(t, officer, { kbli: '10792' });

    // Cards from the earlier system, each issued two years before its expiry date.
    const imported = [
      ['OLD/A', '2024-10-15'],
      ['OLD/D', '2024-10-31'],
      ['OLD/F', '2024-11-05'],
      ['OLD/G', '2024-12-10'],
    ];
    const csv = [
      'cardNumber,nik,fullName,birthPlace,birthDate,gender,address,educationLevel,issuedAt,status',
      ...imported.map(
        ([n, issued]) =>
          `${n},${nikFor('1985-03-03', 'L')},Sutrisno,Palembang,1985-03-03,L,Jl. Lama 5,SMA,${issued},ACTIVE`,
      ),
    ].join('\n');
    const res = await t.http
      .post('/api/v1/cards/import')
      .set(bearer(officer))
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(res.body).toEqual({ imported: 4, rejected: [] });

    const [b, c, e, r, w] = [await walkIn(), await walkIn(), await walkIn(), await walkIn(), await walkIn()];
    const vacancy = (quota: number, closesAt: string) =>
      ({ quota, closesAt, requiresAk1: true, genderRequirement: 'ANY', ageMin: null, ageMax: null }) as const;
    const v1 = await postVacancy(t, e1, vacancy(2, '2026-12-31'));
    const v2 = await postVacancy(t, e2, vacancy(2, '2026-12-31'));
    const v3 = await postVacancy(t, e3, vacancy(1, '2026-12-31'));
    const v4 = await postVacancy(t, e1, vacancy(1, '2026-10-31'));
    await postVacancy(t, e2, vacancy(1, '2026-11-15')); // V5

    noon('2026-10-10');
    await hire(e1, b, '2026-10-10', v1.id);
    noon('2026-10-12');
    await withdraw(w.id, 'Melanjutkan kuliah');
    at('2026-10-16T00:30:00');
    expect((await t.app.get(DailyJobs).runAll())['expire-cards']).toEqual({ expired: 1 }); // A
    noon('2026-10-20');
    await t.http.post(`/api/v1/vacancies/${v2.id}/close`).set(bearer(e2)).send({ reason: 'Batal' }).expect(200);
    at('2026-10-31T23:30:00');
    await hire(e1, c, '2026-10-31', v1.id); // V1 fills
    at('2026-11-01T00:30:00');
    await hire(e3, e, '2026-11-01');
    const job = await t.app.get(DailyJobs).runAll(); // D's card; V4
    expect(job['expire-cards']).toEqual({ expired: 1 });
    noon('2026-11-03');
    await t.http.post(`/api/v1/cards/${r.id}/revoke`).set(bearer(officer)).send({ reason: 'Data ganda' }).expect(200);
    noon('2026-11-10');
    await t.http.post(`/api/v1/vacancies/${v3.id}/close`).set(bearer(e3)).send({ reason: 'Sudah dapat' }).expect(200);
    await recordOutcome(v3.id, e3, 'HIRED_WITHOUT_AK1');
    noon('2026-11-20'); // no daily job since 11-01: F's card still says ACTIVE, V5 still OPEN
    expect(v4.id).toBeTruthy();
  });
  afterAll(() => t.close());

  const get = (url: string) =>
    t.http
      .get(url)
      .set(bearer(officer))
      .expect(200)
      .then((res) => res.body);

  const OCTOBER = {
    cardsClosed: 5,
    placed: 2,
    withdrawn: 1,
    revoked: 0,
    expiredWithoutOutcome: 2,
    knownOutcomeRate: 0.6,
    vacanciesClosed: 2,
    vacanciesWithOutcome: 1,
    hiredWithoutAk1: 0,
  };
  const NOVEMBER = {
    cardsClosed: 3,
    placed: 1,
    withdrawn: 0,
    revoked: 1,
    expiredWithoutOutcome: 1,
    knownOutcomeRate: 0.3333,
    vacanciesClosed: 3,
    vacanciesWithOutcome: 1,
    hiredWithoutAk1: 1,
  };

  it('counts every card and vacancy that closed, each the way it closed, with the month by month', async () => {
    const o = await get('/api/v1/monitoring/outcomes?from=2026-10-01&to=2026-11-30');
    expect(o).toEqual({
      period: { from: '2026-10-01', to: '2026-11-30' },
      cardsClosed: 8,
      placed: 3,
      withdrawn: 1,
      revoked: 1,
      expiredWithoutOutcome: 3,
      knownOutcomeRate: 0.5,
      vacanciesClosed: 5,
      vacanciesWithOutcome: 2,
      hiredWithoutAk1: 1,
      byMonth: [
        { month: '2026-10', from: '2026-10-01', to: '2026-10-31', ...OCTOBER },
        { month: '2026-11', from: '2026-11-01', to: '2026-11-30', ...NOVEMBER },
      ],
    });
  });

  it('cuts the period on Asia/Jakarta days, and expiries on the expiry date', async () => {
    const oct31 = await get('/api/v1/monitoring/outcomes?from=2026-10-31&to=2026-10-31');
    // C's hire at 23:30 WIB, D's card expiring that day (written on 11-01), V1 filled by that hire.
    expect(oct31).toMatchObject({ placed: 1, expiredWithoutOutcome: 1, cardsClosed: 2, vacanciesClosed: 1 });
    const { period: _period, byMonth, ...figures } = oct31;
    expect(byMonth).toEqual([{ month: '2026-10', from: '2026-10-31', to: '2026-10-31', ...figures }]);
    const nov1 = await get('/api/v1/monitoring/outcomes?from=2026-11-01&to=2026-11-01');
    // E's hire at 00:30 WIB (still 31 October in UTC); V4, whose last day was 10-31, closed on 11-01.
    expect(nov1).toMatchObject({
      cardsClosed: 1,
      placed: 1,
      expiredWithoutOutcome: 0,
      vacanciesClosed: 1,
      vacanciesWithOutcome: 0,
    });
    // Nothing closed in September; a period with nothing closed has a rate of 0.
    expect(await get('/api/v1/monitoring/outcomes?from=2026-09-01&to=2026-09-30')).toMatchObject({
      cardsClosed: 0,
      knownOutcomeRate: 0,
      vacanciesClosed: 0,
    });
  });

  it('gives the same figures once the daily job has written what it had not', async () => {
    const before = await get('/api/v1/monitoring/outcomes?from=2026-10-01&to=2026-11-30');
    const job = await t.app.get(DailyJobs).runAll(); // F's card; V5
    expect(job['expire-cards']).toEqual({ expired: 1 });
    expect(await get('/api/v1/monitoring/outcomes?from=2026-10-01&to=2026-11-30')).toEqual(before);
    const [f] = await t.ds.query(`SELECT status FROM cards WHERE expires_at = ?`, ['2026-11-05']);
    expect(f.status).toBe('EXPIRED');
  });

  it('defaults to this month so far', async () => {
    const o = await get('/api/v1/monitoring/outcomes');
    expect(o.period).toEqual({ from: '2026-11-01', to: '2026-11-20' });
    expect(o.byMonth).toEqual([{ month: '2026-11', from: '2026-11-01', to: '2026-11-20', ...NOVEMBER }]);
  });

  it('exports CSV: one line per month and the total', async () => {
    const res = await t.http
      .get('/api/v1/monitoring/outcomes?from=2026-10-01&to=2026-11-30&format=csv')
      .set(bearer(officer))
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      'period,cardsClosed,placed,withdrawn,revoked,expiredWithoutOutcome,knownOutcomeRate,vacanciesClosed,vacanciesWithOutcome,hiredWithoutAk1',
      '2026-10,5,2,1,0,2,0.6,2,1,0',
      '2026-11,3,1,0,1,1,0.3333,3,1,1',
      'total,8,3,1,1,3,0.5,5,2,1',
    ]);
  });

  it('refuses a period that ends before it starts, and anyone but an officer', async () => {
    const bad = await t.http
      .get('/api/v1/monitoring/outcomes?from=2026-11-01&to=2026-10-01')
      .set(bearer(officer))
      .expect(400);
    expect(bad.body.details[0].field).toBe('to');
    await t.http.get('/api/v1/monitoring/outcomes?from=2026-02-30').set(bearer(officer)).expect(400);
    await t.http.get('/api/v1/monitoring/outcomes').set(bearer(e1)).expect(403);
    await t.http.get('/api/v1/monitoring/outcomes').expect(401);
  });

  describe('employers that closed vacancies without saying who they hired', () => {
    const ids = async (query: string) =>
      (await get(`/api/v1/monitoring/employers?${query}&pageSize=100`)).items
        .map((r: { employerId: string }) => r.employerId)
        .sort();
    const sorted = (...es: EmployerSession[]) => es.map((e) => e.employerId).sort();

    it('filters the outreach list with silentClosures', async () => {
      // October: V2 closed with a position open and nothing said; V1 filled.
      expect(await ids('from=2026-10-01&to=2026-10-31&silentClosures=true')).toEqual(sorted(e2));
      expect(await ids('from=2026-10-01&to=2026-10-31&silentClosures=false')).toEqual(sorted(e1, e3, e4));
      // November: V4 (E1) and V5 (E2) ran out silently; V3 (E3) has its outcome.
      expect(await ids('from=2026-11-01&to=2026-11-30&silentClosures=true')).toEqual(sorted(e1, e2));
      // Combined with the other filters (AND).
      expect(await ids('from=2026-10-01&to=2026-11-30&silentClosures=true&kbli=47111')).toEqual(sorted(e1, e2));
      expect(await ids('from=2026-10-01&to=2026-11-30&silentClosures=true&kbliGroup=10')).toEqual([]);
      await t.http.get('/api/v1/monitoring/employers?silentClosures=yes').set(bearer(officer)).expect(400);
    });

    it('stops listing an employer once its outcome is recorded', async () => {
      noon('2026-11-21');
      const [v2] = await t.ds.query(`SELECT id FROM vacancies WHERE employer_id = ? AND quota = 2`, [e2.employerId]);
      await recordOutcome(String(v2.id), e2, 'NO_SUITABLE_APPLICANT');
      try {
        expect(await ids('from=2026-10-01&to=2026-10-31&silentClosures=true')).toEqual([]);
        const oct = await get('/api/v1/monitoring/outcomes?from=2026-10-01&to=2026-10-31');
        expect(oct).toMatchObject({ vacanciesClosed: 2, vacanciesWithOutcome: 2, hiredWithoutAk1: 0 });
      } finally {
        await t.ds.query('DELETE FROM vacancy_outcomes WHERE vacancy_id = ?', [v2.id]);
        noon('2026-11-20');
      }
    });

    it('gives an outreach campaign the same audience', async () => {
      const res = await t.http
        .post('/api/v1/outreach/campaigns')
        .set(bearer(officer))
        .send({
          title: 'Siapa yang Anda terima?',
          message: 'Mohon laporkan hasil lowongan yang sudah ditutup.',
          audience: { silentClosures: true, from: '2026-11-01', to: '2026-11-30' },
        })
        .expect(201);
      expect(res.body.recipients).toBe(2);
      expect(res.body.audience).toMatchObject({ silentClosures: true, participating: null });
      const recipients: { employer_id: string }[] = await t.ds.query(
        'SELECT employer_id FROM outreach_recipients WHERE campaign_id = ? ORDER BY employer_id',
        [res.body.id],
      );
      expect(recipients.map((r) => r.employer_id).sort()).toEqual(sorted(e1, e2));
      const none = await t.http
        .post('/api/v1/outreach/campaigns')
        .set(bearer(officer))
        .send({ title: 'x', message: 'y', audience: { silentClosures: 'ya' } })
        .expect(400);
      expect(none.body.details[0].field).toBe('audience.silentClosures');
    });
  });

  describe('in the console', () => {
    it('shows the dashboard panel in Indonesian and English, with no raw codes', async () => {
      const b = browser(t);
      await signIn(b, officer.email);
      const page = await b.get('/petugas?from=2026-10-01&to=2026-11-30');
      expect(page.status).toBe(200);
      const text = textOf(page.text);
      expect(text).toContain('Kebenaran data register');
      expect(text).toContain('Hasil diketahui: 50,0% dari 8 kartu yang berakhir');
      // The counts: 8 ended, 3 placed, 1 withdrew, 1 revoked, 3 ran out; 5 vacancies, 2 with an outcome.
      for (const phrase of [
        '8 kartu berakhir dalam periode',
        '3 ditempatkan',
        '1 berhenti mencari kerja',
        '1 dicabut',
        '3 berakhir tanpa kabar',
        '5 lowongan ditutup dalam periode',
        '2 terisi penuh atau dilaporkan hasilnya',
        '3 tanpa laporan siapa yang diterima',
        '1 lowongan yang diisi orang tanpa kartu AK1',
      ])
        expect(text).toContain(phrase);
      // By month, the last six months (June to November 2026): October 60 %, November 33,3 %.
      expect(page.text).toContain('aria-label="Kartu berakhir yang diketahui hasilnya, per bulan"');
      expect(text).toContain('Okt 26 5 60,0%');
      expect(text).toContain('Nov 26 3 33,3%');
      expect(text).toContain('Sep 26 0 tidak ada kartu berakhir');
      expect(text).not.toMatch(/HIRED_WITHOUT_AK1|WITHDRAWN|EXPIRED|knownOutcomeRate/);
      expect(page.text).toContain('href="/petugas/penjangkauan?from=2026-10-01&to=2026-11-30&silentClosures=true"');

      await postForm(b, '/', '/bahasa', { lang: 'en', next: '/' });
      const en = textOf((await b.get('/petugas?from=2026-10-01&to=2026-11-30')).text);
      expect(en).toContain('How much of the register is known');
      expect(en).toContain('Outcome known: 50.0% of 8 cards that ended');
      expect(en).toContain('1 vacancies filled by someone without an AK1 card');
    });

    it('filters the outreach list with a checkbox, and starts a campaign with the same filter', async () => {
      const b = browser(t);
      await signIn(b, officer.email);
      const plain = await b.get('/petugas/penjangkauan?from=2026-11-01&to=2026-11-30');
      expect(plain.text).toMatch(/<input type="checkbox" value="true"(?![^>]*checked)[^>]*name="silentClosures"/);
      const list = await b.get('/petugas/penjangkauan?from=2026-11-01&to=2026-11-30&silentClosures=true');
      expect(list.status).toBe(200);
      expect(list.text).toMatch(/<input type="checkbox" value="true" checked[^>]*name="silentClosures"/);
      const text = textOf(list.text);
      expect(text).not.toContain('tidak berpartisipasi dalam periode ini');
      expect(text).toContain('2 perusahaan menutup lowongan tanpa melaporkan hasilnya');
      expect(list.text).toContain(
        'href="/petugas/penjangkauan/kampanye/baru?silentClosures=true&status=VERIFIED&from=2026-11-01&to=2026-11-30"',
      );
      expect(list.text).toContain('href="/petugas/penjangkauan.csv?from=2026-11-01&to=2026-11-30&silentClosures=true"');
      const csv = await b.get('/petugas/penjangkauan.csv?from=2026-11-01&to=2026-11-30&silentClosures=true');
      expect(csv.text.trim().split('\n')).toHaveLength(3);
      const form = await b.get(
        '/petugas/penjangkauan/kampanye/baru?silentClosures=true&status=VERIFIED&from=2026-11-01&to=2026-11-30',
      );
      expect(form.text).toMatch(
        /<option value="true" selected>Hanya yang menutup lowongan tanpa melaporkan hasilnya<\/option>/,
      );
    });
  });
});
