import { MatchingService } from '../../src/matching/matching.service';
import { startApp, type TestApp } from '../support/app';
import { statementsOutsideTransactions } from '../support/statements';
import {
  bearer,
  makeOfficer,
  nikFor,
  postVacancy,
  registerSeeker,
  seekerWithActiveCard,
  verifiedEmployer,
  type EmployerSession,
  type Session,
} from '../support/factories';

describe('matching: recommendations and candidates', () => {
  let t: TestApp;
  let officer: Session;
  let employer: EmployerSession;

  const man = (overrides: Record<string, unknown> = {}) => ({
    birthDate: '1995-05-05',
    gender: 'L',
    nik: nikFor('1995-05-05', 'L'),
    educationLevel: 'SMK',
    kecamatanCode: '16.71.05',
    skills: ['Las-Listrik', 'mengemudi'],
    experience: [{ position: 'Montir', company: 'Bengkel Jaya', fromYear: 2020, toYear: 2022 }],
    ...overrides,
  });

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
  });
  afterAll(() => t.close());

  /**
   * The recommendations of one company's vacancies to a seeker, in order. Other tests' vacancies share the
   * database: every page is read, then this company's are kept.
   */
  async function recommendedOf(seeker: Session, company: EmployerSession) {
    const all: {
      vacancy: { id: string; employer: { id: string } };
      score: number;
      matched: string[];
      missing: string[];
    }[] = [];
    for (let page = 1; page <= 20; page++) {
      const res = await t.http
        .get(`/api/v1/seekers/me/recommendations?pageSize=100&page=${page}`)
        .set(bearer(seeker))
        .expect(200);
      all.push(...res.body.items);
      if (page * 100 >= res.body.total) break;
    }
    return all.filter((i) => i.vacancy.employer.id === company.employerId);
  }

  it('ranks OPEN vacancies for a seeker, explains the score and leaves out those whose hard requirements fail', async () => {
    const fit = await postVacancy(t, employer, {
      title: 'Juru Las',
      skills: ['las listrik', 'Mengemudi'],
      educationMin: 'SMA',
      kecamatanCode: '16.71.05',
      ageMin: 18,
      ageMax: 60,
      experienceYearsMin: 1,
    });
    const partial = await postVacancy(t, employer, {
      title: 'Juru Las Kapal',
      skills: ['las listrik', 'las argon'],
      educationMin: 'SMP',
      kecamatanCode: '16.71.10',
      ageMin: null,
      ageMax: null,
      experienceYearsMin: null,
    });
    const womenOnly = await postVacancy(t, employer, { genderRequirement: 'P', ageMin: null, ageMax: null });
    const graduates = await postVacancy(t, employer, { educationMin: 'S1', ageMin: null, ageMax: null });
    const draft = await postVacancy(t, employer, {
      status: 'DRAFT',
      skills: ['las listrik', 'mengemudi'],
      ageMin: null,
      ageMax: null,
    });
    const seeker = await registerSeeker(t, man());

    const mine = await recommendedOf(seeker, employer);
    expect(mine.map((i) => i.vacancy.id)).toEqual([fit.id, partial.id]);
    expect(mine[0]).toMatchObject({ score: 100, missing: [] });
    // The whole vacancy, as its own page shows it (the pool is scored from a few columns; the page is read whole).
    const own = await t.http.get(`/api/v1/vacancies/${fit.id}`).expect(200);
    expect(mine[0].vacancy).toEqual(own.body);
    expect(mine[0].matched).toEqual(
      expect.arrayContaining(['skill:las listrik', 'skill:Mengemudi', 'education', 'location', 'experience', 'age']),
    );
    // 50·1/2 + 15 + 0 + 20 = 60
    expect(mine[1]).toMatchObject({ score: 60, missing: ['skill:las argon', 'location'] });
    for (const hidden of [womenOnly.id, graduates.id, draft.id]) expect(JSON.stringify(mine)).not.toContain(hidden);
    await t.http.get('/api/v1/seekers/me/recommendations').set(bearer(employer)).expect(403);
  });

  it('follows every change of the open vacancies at once: a requirement edited, a vacancy closed, its employer suspended', async () => {
    const company = await verifiedEmployer(t, officer);
    const seeker = await registerSeeker(t, man());
    const mineOf = () => recommendedOf(seeker, company);
    const base = {
      skills: ['las listrik'],
      educationMin: 'SMP',
      kecamatanCode: '16.71.05',
      ageMin: null,
      ageMax: null,
    };
    const a = await postVacancy(t, company, { ...base, title: 'Juru Las A', experienceYearsMin: null });
    const b = await postVacancy(t, company, { ...base, title: 'Juru Las B', experienceYearsMin: null });
    expect((await mineOf()).map((i) => i.vacancy.id).sort()).toEqual([a.id, b.id].sort());
    const edit = (id: string, body: Record<string, unknown>) =>
      t.http.patch(`/api/v1/vacancies/${id}`).set(bearer(company)).send(body).expect(200);

    // Requirements only matching reads (search does not): each edit is seen by the next recommendation.
    await edit(a.id, { genderRequirement: 'P' });
    expect((await mineOf()).map((i) => i.vacancy.id)).toEqual([b.id]);
    await edit(a.id, { genderRequirement: 'ANY', ageMax: 25 });
    expect((await mineOf()).map((i) => i.vacancy.id)).toEqual([b.id]);
    await edit(a.id, { ageMax: null });
    expect((await mineOf()).map((i) => i.vacancy.id).sort()).toEqual([a.id, b.id].sort());
    const before = (await mineOf()).find((i) => i.vacancy.id === a.id)!;
    await edit(a.id, { experienceYearsMin: 10 });
    const after = (await mineOf()).find((i) => i.vacancy.id === a.id)!;
    expect(after.missing).toContain('experience');
    expect(before.missing).not.toContain('experience');
    expect(after.score).toBeLessThan(before.score);

    await t.http.post(`/api/v1/vacancies/${b.id}/close`).set(bearer(company)).send({}).expect(200);
    expect((await mineOf()).map((i) => i.vacancy.id)).toEqual([a.id]);
    await t.http
      .post(`/api/v1/employers/${company.employerId}/suspend`)
      .set(bearer(officer))
      .send({ reason: 'Dokumen tidak sah' })
      .expect(200);
    expect(await mineOf()).toEqual([]);
  });

  it("reads a repeated recommendation in three narrow statements: the seeker, the set's version, the page's revisions", async () => {
    const company = await verifiedEmployer(t, officer);
    await postVacancy(t, company, { skills: ['las listrik'], ageMin: null, ageMax: null });
    const seeker = await registerSeeker(t, man());
    const actor = {
      id: seeker.userId,
      role: 'seeker' as const,
      email: seeker.email,
      employerId: null,
      seekerId: seeker.seekerId,
    };
    const matching = t.app.get(MatchingService);
    const first = await matching.recommendations(actor, {}); // the pool and the page's views, read once
    const again = await statementsOutsideTransactions(t.ds, () => matching.recommendations(actor, {}));
    expect(again.result).toEqual(first);
    expect(again.statements).toHaveLength(3);
    expect(again.statements[0]).toMatch(/FROM seekers WHERE id = \?/);
    expect(again.statements.join('\n')).not.toMatch(/FROM [`"]?(vacancies|employers)[`"]?/);
  });

  it('ranks seekers holding an ACTIVE card for a vacancy (officer), without personal identifiers', async () => {
    const v = await postVacancy(t, employer, {
      title: 'Sopir Ekspedisi',
      skills: ['sopir', 'las listrik'],
      genderRequirement: 'L',
      ageMin: 18,
      ageMax: 60,
    });
    const strong = await seekerWithActiveCard(t, officer, man({ skills: ['supir', 'las listrik'] }));
    const weak = await seekerWithActiveCard(
      t,
      officer,
      man({ nik: nikFor('1995-05-05', 'L'), skills: ['menjahit'], kecamatanCode: '16.71.10' }),
    );
    const noCard = await registerSeeker(t, man({ nik: nikFor('1995-05-05', 'L') }));
    const woman = await seekerWithActiveCard(t, officer, {
      birthDate: '1995-05-05',
      gender: 'P',
      nik: nikFor('1995-05-05', 'P'),
      skills: ['supir'],
    });

    // Candidates are every card holder in the city, and other tests add their own on a shared database:
    // read the ranking page by page rather than assuming ours fit on the first one.
    const items: { seeker: { id: string } }[] = [];
    let res;
    for (let page = 1; page <= 20; page++) {
      res = await t.http
        .get(`/api/v1/vacancies/${v.id}/candidates?pageSize=100&page=${page}`)
        .set(bearer(officer))
        .expect(200);
      items.push(...res.body.items);
      if (page * 100 >= res.body.total) break;
    }
    const ids = items.map((i) => i.seeker.id);
    expect(ids.indexOf(strong.seeker.seekerId)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(strong.seeker.seekerId)).toBeLessThan(ids.indexOf(weak.seeker.seekerId));
    expect(ids).not.toContain(noCard.seekerId);
    expect(ids).not.toContain(woman.seeker.seekerId);
    const top = items.find((i) => i.seeker.id === strong.seeker.seekerId);
    expect(top).toMatchObject({ score: 100, card: { id: strong.card.id, cardNumber: strong.card.cardNumber } });
    expect(JSON.stringify(items)).not.toContain(strong.seeker.nik);
    await t.http.get(`/api/v1/vacancies/${v.id}/candidates`).set(bearer(employer)).expect(403);
    await t.http
      .get('/api/v1/vacancies/00000000-0000-4000-8000-000000000000/candidates')
      .set(bearer(officer))
      .expect(404);
  });
});
