import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  login,
  makeOfficer,
  PASSWORD,
  postVacancy,
  registerEmployer,
  registerSeeker,
  seekerWithActiveCard,
  uniq,
  verifiedEmployer,
  walkInSeekerWithCard,
  type EmployerSession,
  type Session,
} from '../support/factories';

interface InboxEntry {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

/**
 * Every notification kind a change causes, through the API: the change is made as a person would make
 * it, and the recipient's inbox (`GET /notifications` with their token) holds exactly one entry of that
 * kind, written in Indonesian, while nobody else got it. The rows themselves (who, which subject) are read
 * from the database, to check that no one else was written to.
 */
/** A few of the words any of these messages in Bahasa Indonesia uses. */
const INDONESIAN = /\b(Anda|kartu|lamaran|lowongan|perusahaan|telah|untuk|dan)\b/i;

describe('notifications: people are told when things happen to them', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
  });
  afterAll(() => t.close());

  const inbox = async (s: Session): Promise<InboxEntry[]> =>
    (await t.http.get('/api/v1/notifications?pageSize=100').set(bearer(s)).expect(200)).body.items;
  const ofKind = async (s: Session, kind: string) => (await inbox(s)).filter((n) => n.kind === kind);
  /** The users a message of this kind and subject was written to. */
  const recipients = async (kind: string, subject: string): Promise<string[]> =>
    (
      await t.ds.query('SELECT user_id AS userId FROM notifications WHERE kind = ? AND subject = ? ORDER BY user_id', [
        kind,
        subject,
      ])
    ).map((r: { userId: string }) => r.userId);
  const byKind = async (kind: string, userId: string): Promise<number> =>
    Number(
      (await t.ds.query('SELECT COUNT(*) AS n FROM notifications WHERE kind = ? AND user_id = ?', [kind, userId]))[0].n,
    );
  /** One entry of `kind`, with a sensible Indonesian title and body. */
  const theOne = async (s: Session, kind: string): Promise<InboxEntry> => {
    const entries = await ofKind(s, kind);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry.title.trim().length).toBeGreaterThan(3);
    expect(entry.body.trim().length).toBeGreaterThan(10);
    expect(entry.link).toMatch(/^https?:\/\//);
    // Written for a person, in Indonesian: no raw kind code, no JSON.
    expect(`${entry.title} ${entry.body}`).not.toMatch(/[A-Z]+_[A-Z]+|[{}]/);
    expect(`${entry.title} ${entry.body}`).toMatch(INDONESIAN);
    return entry;
  };
  const apply = (s: Session, vacancyId: string) =>
    t.http.post(`/api/v1/vacancies/${vacancyId}/applications`).set(bearer(s)).send({}).expect(201);
  const addStaff = async (employer: Session): Promise<Session> => {
    const email = `${uniq('hr2')}@company.test`;
    await t.http
      .post('/api/v1/employers/me/staff')
      .set(bearer(employer))
      .send({ email, password: PASSWORD, fullName: 'Staf HR Kedua' })
      .expect(201);
    return login(t, email);
  };

  describe('cards', () => {
    it('CARD_APPROVED: the applicant is told their card number and validity; nobody else is', async () => {
      const seeker = await registerSeeker(t);
      const card = (await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201)).body;
      expect(await ofKind(seeker, 'CARD_APPROVED')).toHaveLength(0);
      const approved = (await t.http.post(`/api/v1/cards/${card.id}/approve`).set(bearer(officer)).expect(200)).body;
      const entry = await theOne(seeker, 'CARD_APPROVED');
      expect(entry.body).toContain(approved.cardNumber);
      expect(await recipients('CARD_APPROVED', `card:${card.id}`)).toEqual([seeker.userId]);
      expect(await byKind('CARD_APPROVED', officer.userId)).toBe(0);
    });

    it('CARD_REJECTED carries the reason', async () => {
      const seeker = await registerSeeker(t);
      const card = (await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201)).body;
      await t.http
        .post(`/api/v1/cards/${card.id}/reject`)
        .set(bearer(officer))
        .send({ reason: 'Foto KTP tidak terbaca' })
        .expect(200);
      const entry = await theOne(seeker, 'CARD_REJECTED');
      expect(entry.body).toContain('Foto KTP tidak terbaca');
      expect(await recipients('CARD_REJECTED', `card:${card.id}`)).toEqual([seeker.userId]);
      expect(await ofKind(seeker, 'CARD_APPROVED')).toHaveLength(0);
    });

    it('a walk-in card (no login) is issued and revoked without telling anyone', async () => {
      const walkIn = await walkInSeekerWithCard(t, officer);
      await t.http.post(`/api/v1/cards/${walkIn.card.id}/revoke`).set(bearer(officer)).send({ reason: 'Pindah' });
      const rows = await t.ds.query('SELECT COUNT(*) AS n FROM notifications WHERE subject LIKE ?', [
        `card:${walkIn.card.id}%`,
      ]);
      expect(Number(rows[0].n)).toBe(0);
    });
  });

  describe('applications', () => {
    let employer: EmployerSession;
    let colleague: Session;

    beforeAll(async () => {
      employer = await verifiedEmployer(t, officer);
      colleague = await addStaff(employer);
    });

    it("APPLICATION_RECEIVED: the employer's staff get one message per vacancy and day, not one per applicant", async () => {
      const vacancy = await postVacancy(t, employer, { title: `Kasir ${uniq('')}` });
      const other = await verifiedEmployer(t, officer);
      const first = await seekerWithActiveCard(t, officer);
      const second = await seekerWithActiveCard(t, officer);
      await apply(first.seeker, vacancy.id);
      await apply(second.seeker, vacancy.id);

      const today = t.clock.today();
      expect(await recipients('APPLICATION_RECEIVED', `vacancy:${vacancy.id}:${today}`)).toEqual(
        [employer.userId, colleague.userId].sort(),
      );
      for (const staff of [employer, colleague]) {
        const entry = (await ofKind(staff, 'APPLICATION_RECEIVED')).filter((n) =>
          n.body.includes(vacancy.title as string),
        );
        expect(entry).toHaveLength(1);
        expect(entry[0].link).toContain(`/perusahaan/lowongan/${vacancy.id}/pelamar`);
      }
      expect(await byKind('APPLICATION_RECEIVED', other.userId)).toBe(0);
      expect(await byKind('APPLICATION_RECEIVED', first.seeker.userId)).toBe(0);

      // The next day's first applicant makes the next day's message.
      t.clock.advanceDays(1);
      try {
        const third = await seekerWithActiveCard(t, officer);
        await apply(third.seeker, vacancy.id);
        expect(await recipients('APPLICATION_RECEIVED', `vacancy:${vacancy.id}:${t.clock.today()}`)).toHaveLength(2);
        expect(
          (await ofKind(employer, 'APPLICATION_RECEIVED')).filter((n) => n.body.includes(vacancy.title as string)),
        ).toHaveLength(2);
      } finally {
        t.clock.advanceDays(-1);
      }
    });

    it('APPLICATION_RECEIVED: applicants applying at the same moment make one message for each staff member', async () => {
      const vacancy = await postVacancy(t, employer, { quota: 5 });
      const seekers = [];
      for (let i = 0; i < 5; i++) seekers.push((await seekerWithActiveCard(t, officer)).seeker);
      await Promise.all(seekers.map((s) => apply(s, vacancy.id)));
      expect(await recipients('APPLICATION_RECEIVED', `vacancy:${vacancy.id}:${t.clock.today()}`)).toEqual(
        [employer.userId, colleague.userId].sort(),
      );
      const applied = await t.http
        .get(`/api/v1/vacancies/${vacancy.id}/applications`)
        .set(bearer(employer))
        .expect(200);
      expect(applied.body.total).toBe(5);
    });

    it('APPLICATION_SHORTLISTED and APPLICATION_REJECTED tell the applicant, naming the vacancy', async () => {
      const vacancy = await postVacancy(t, employer, { title: `Gudang ${uniq('')}` });
      const { seeker: a } = await seekerWithActiveCard(t, officer);
      const { seeker: b } = await seekerWithActiveCard(t, officer);
      const appA = (await apply(a, vacancy.id)).body;
      const appB = (await apply(b, vacancy.id)).body;
      await t.http
        .patch(`/api/v1/applications/${appA.id}`)
        .set(bearer(employer))
        .send({ status: 'SHORTLISTED' })
        .expect(200);
      await t.http
        .patch(`/api/v1/applications/${appB.id}`)
        .set(bearer(employer))
        .send({ status: 'REJECTED' })
        .expect(200);

      expect((await theOne(a, 'APPLICATION_SHORTLISTED')).body).toContain(vacancy.title as string);
      expect((await theOne(b, 'APPLICATION_REJECTED')).body).toContain(vacancy.title as string);
      expect(await recipients('APPLICATION_SHORTLISTED', `application:${appA.id}`)).toEqual([a.userId]);
      expect(await recipients('APPLICATION_REJECTED', `application:${appB.id}`)).toEqual([b.userId]);
      expect(await ofKind(a, 'APPLICATION_REJECTED')).toHaveLength(0);
      expect(await ofKind(b, 'APPLICATION_SHORTLISTED')).toHaveLength(0);

      // Rejecting the shortlisted one later is a second decision, told once more.
      await t.http
        .patch(`/api/v1/applications/${appA.id}`)
        .set(bearer(employer))
        .send({ status: 'REJECTED' })
        .expect(200);
      await theOne(a, 'APPLICATION_REJECTED');
    });

    it('APPLICATION_CLOSED: a vacancy closed with undecided applications tells those applicants, not the one who withdrew', async () => {
      const vacancy = await postVacancy(t, employer);
      const { seeker: waiting } = await seekerWithActiveCard(t, officer);
      const { seeker: withdrawn } = await seekerWithActiveCard(t, officer);
      await apply(waiting, vacancy.id);
      const gone = (await apply(withdrawn, vacancy.id)).body;
      await t.http.post(`/api/v1/applications/${gone.id}/withdraw`).set(bearer(withdrawn)).expect(200);
      await t.http.post(`/api/v1/vacancies/${vacancy.id}/close`).set(bearer(employer)).send({}).expect(200);

      expect((await theOne(waiting, 'APPLICATION_CLOSED')).body).toContain(vacancy.title as string);
      expect(await ofKind(withdrawn, 'APPLICATION_CLOSED')).toHaveLength(0);
      expect(await recipients('APPLICATION_CLOSED', `vacancy:${vacancy.id}`)).toEqual([waiting.userId]);
    });
  });

  describe('hires', () => {
    let employer: EmployerSession;

    beforeAll(async () => {
      employer = await verifiedEmployer(t, officer);
    });

    it("a hire from an application: CARD_PLACED and APPLICATION_HIRED to the seeker, APPLICATION_CLOSED to the filled vacancy's other applicants, nothing for the seeker's own other applications", async () => {
      const vacancy = await postVacancy(t, employer, { quota: 1, title: `Operator ${uniq('')}` });
      const elsewhere = await postVacancy(t, employer);
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const { seeker: rival } = await seekerWithActiveCard(t, officer);
      const app = (await apply(seeker, vacancy.id)).body;
      await apply(seeker, elsewhere.id);
      await apply(rival, vacancy.id);

      await t.http
        .post(`/api/v1/applications/${app.id}/hire`)
        .set(bearer(employer))
        .send({ startDate: t.clock.today(), position: 'Operator' })
        .expect(201);

      const placed = await theOne(seeker, 'CARD_PLACED');
      expect(placed.body).toContain(card.cardNumber);
      expect((await theOne(seeker, 'APPLICATION_HIRED')).body).toContain(vacancy.title as string);
      expect(await recipients('CARD_PLACED', `card:${card.id}`)).toEqual([seeker.userId]);
      expect(await recipients('APPLICATION_HIRED', `application:${app.id}`)).toEqual([seeker.userId]);
      // Their other application closed because of their own hire: not told again.
      expect(await ofKind(seeker, 'APPLICATION_CLOSED')).toHaveLength(0);
      // The rival's application closed because the vacancy filled.
      await theOne(rival, 'APPLICATION_CLOSED');
      expect(await ofKind(rival, 'CARD_PLACED')).toHaveLength(0);
      expect(await byKind('CARD_PLACED', employer.userId)).toBe(0);
    });

    it('a quota lowered to the positions filled fills the vacancy: its undecided applicants are told APPLICATION_CLOSED', async () => {
      const vacancy = await postVacancy(t, employer, { quota: 2 });
      const { seeker: hired } = await seekerWithActiveCard(t, officer);
      const { seeker: waiting } = await seekerWithActiveCard(t, officer);
      const app = (await apply(hired, vacancy.id)).body;
      await apply(waiting, vacancy.id);
      await t.http
        .post(`/api/v1/applications/${app.id}/hire`)
        .set(bearer(employer))
        .send({ startDate: t.clock.today() })
        .expect(201);
      expect(await ofKind(waiting, 'APPLICATION_CLOSED')).toHaveLength(0);
      await t.http.patch(`/api/v1/vacancies/${vacancy.id}`).set(bearer(employer)).send({ quota: 1 }).expect(200);
      await theOne(waiting, 'APPLICATION_CLOSED');
      expect(await recipients('APPLICATION_CLOSED', `vacancy:${vacancy.id}`)).toEqual([waiting.userId]);
    });

    it('a self-report and a direct placement tell the seeker CARD_PLACED only', async () => {
      const { seeker: self, card: selfCard } = await seekerWithActiveCard(t, officer);
      await t.http
        .post('/api/v1/seekers/me/placement')
        .set(bearer(self))
        .send({ employerName: 'Toko Sumber Rezeki', startDate: t.clock.today() })
        .expect(201);
      expect((await theOne(self, 'CARD_PLACED')).body).toContain('Toko Sumber Rezeki');
      expect(await recipients('CARD_PLACED', `card:${selfCard.id}`)).toEqual([self.userId]);

      const { seeker: direct, card: directCard } = await seekerWithActiveCard(t, officer);
      await t.http
        .post('/api/v1/placements')
        .set(bearer(employer))
        .send({ cardNumber: directCard.cardNumber, nik: direct.nik, startDate: t.clock.today(), position: 'Sopir' })
        .expect(201);
      await theOne(direct, 'CARD_PLACED');
      expect(await ofKind(direct, 'APPLICATION_HIRED')).toHaveLength(0);
    });

    it('a walk-in (no login) is hired without a message, and the hire succeeds', async () => {
      const walkIn = await walkInSeekerWithCard(t, officer);
      await t.http
        .post('/api/v1/placements')
        .set(bearer(employer))
        .send({ cardNumber: walkIn.card.cardNumber, nik: walkIn.nik, startDate: t.clock.today(), position: 'Sopir' })
        .expect(201);
      expect(await recipients('CARD_PLACED', `card:${walkIn.card.id}`)).toEqual([]);
    });

    it('a hire refused by a rule (the vacancy is full) tells nobody: the messages roll back with it', async () => {
      const vacancy = await postVacancy(t, employer, { quota: 1 });
      const place = (who: { nik: string }, card: { cardNumber: string }) =>
        t.http.post('/api/v1/placements').set(bearer(employer)).send({
          cardNumber: card.cardNumber,
          nik: who.nik,
          startDate: t.clock.today(),
          position: 'Operator',
          vacancyId: vacancy.id,
        });
      const first = await seekerWithActiveCard(t, officer);
      const second = await seekerWithActiveCard(t, officer);
      await place(first.seeker, first.card).expect(201);
      // The vacancy is full: refused when the hire counts it, after the seeker's card closed and their
      // message was written in the hire's transaction.
      await place(second.seeker, second.card).expect(409, /VACANCY_FILLED/);
      expect(await ofKind(second.seeker, 'CARD_PLACED')).toHaveLength(0);
      expect(await recipients('CARD_PLACED', `card:${second.card.id}`)).toEqual([]);
      expect((await t.http.get('/api/v1/cards/me').set(bearer(second.seeker)).expect(200)).body.current).toMatchObject({
        status: 'ACTIVE',
      });
      await theOne(first.seeker, 'CARD_PLACED');
    });
  });

  describe('employers', () => {
    it('EMPLOYER_VERIFIED goes to every staff member of the company', async () => {
      const employer = await registerEmployer(t);
      const colleague = await addStaff(employer);
      await t.http.post(`/api/v1/employers/${employer.employerId}/verify`).set(bearer(officer)).expect(200);
      await theOne(employer, 'EMPLOYER_VERIFIED');
      await theOne(colleague, 'EMPLOYER_VERIFIED');
      expect(await byKind('EMPLOYER_VERIFIED', officer.userId)).toBe(0);
    });

    it('EMPLOYER_REJECTED carries the reason', async () => {
      const employer = await registerEmployer(t);
      await t.http
        .post(`/api/v1/employers/${employer.employerId}/reject`)
        .set(bearer(officer))
        .send({ reason: 'NIB tidak terdaftar di OSS' })
        .expect(200);
      expect((await theOne(employer, 'EMPLOYER_REJECTED')).body).toContain('NIB tidak terdaftar di OSS');
      expect(await ofKind(employer, 'EMPLOYER_VERIFIED')).toHaveLength(0);
    });

    it('EMPLOYER_SUSPENDED is told for each suspension, also a second one after a reinstatement', async () => {
      const employer = await verifiedEmployer(t, officer);
      const suspend = () =>
        t.http
          .post(`/api/v1/employers/${employer.employerId}/suspend`)
          .set(bearer(officer))
          .send({ reason: 'Lowongan fiktif' })
          .expect(200);
      await suspend();
      expect((await theOne(employer, 'EMPLOYER_SUSPENDED')).body).toContain('Lowongan fiktif');
      t.clock.advance(60_000);
      await t.http.post(`/api/v1/employers/${employer.employerId}/reinstate`).set(bearer(officer)).expect(200);
      t.clock.advance(60_000);
      await suspend();
      expect(await ofKind(employer, 'EMPLOYER_SUSPENDED')).toHaveLength(2);
      // Verified once, reinstated once: each told as EMPLOYER_VERIFIED.
      expect(await ofKind(employer, 'EMPLOYER_VERIFIED')).toHaveLength(2);
      // A refused transition (suspending a suspended company) tells nobody.
      await t.http
        .post(`/api/v1/employers/${employer.employerId}/suspend`)
        .set(bearer(officer))
        .send({ reason: 'Lagi' })
        .expect(409);
      expect(await ofKind(employer, 'EMPLOYER_SUSPENDED')).toHaveLength(2);
    });
  });
});
