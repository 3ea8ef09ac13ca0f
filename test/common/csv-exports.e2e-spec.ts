import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  postVacancy,
  seekerWithActiveCard,
  verifiedEmployer,
  type Session,
} from '../support/factories';

/**
 * Every list and report also answers CSV. The CSV interceptor is applied route by route (@CsvExport), so
 * this spec checks that no list route goes without it, and that each one really answers CSV.
 */
describe('CSV exports of every list', () => {
  let t: TestApp;
  let officer: Session;
  let employer: Session;
  let seeker: Session;
  let vacancyId: string;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
    vacancyId = (await postVacancy(t, employer)).id;
    seeker = (await seekerWithActiveCard(t, officer)).seeker;
    await t.http.post(`/api/v1/vacancies/${vacancyId}/applications`).set(bearer(seeker)).send({}).expect(201);
  });
  afterAll(() => t.close());

  it('marks every paginated GET route in the OpenAPI document as producing text/csv', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const lists: string[] = [];
    for (const [path, ops] of Object.entries<
      Record<
        string,
        {
          parameters?: { name: string; in: string }[];
          responses: Record<string, { content?: Record<string, unknown> }>;
        }
      >
    >(doc.paths)) {
      const get = ops.get;
      if (!get || !get.parameters?.some((p) => p.in === 'query' && p.name === 'page')) continue;
      lists.push(path);
      const types = Object.values(get.responses).flatMap((r) => Object.keys(r.content ?? {}));
      expect({ path, csv: types.includes('text/csv') }).toEqual({ path, csv: true });
    }
    expect(lists.length).toBeGreaterThanOrEqual(12);
  });

  const csv = async (url: string, who: Session | null) => {
    const req = t.http.get(`${url}${url.includes('?') ? '&' : '?'}format=csv`);
    if (who) req.set(bearer(who));
    const res = await req.expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    return { header: lines[0].split(','), rows: lines.length - 1 };
  };

  it.each([
    ['/api/v1/employers', 'officer', 'legalName'],
    ['/api/v1/cards', 'officer', 'cardNumber'],
    ['/api/v1/card-validations', 'officer', null],
    ['/api/v1/placements', 'officer', null],
    ['/api/v1/audit-events', 'officer', 'action'],
    ['/api/v1/vacancies', 'public', 'title'],
    ['/api/v1/employers/me/vacancies', 'employer', 'title'],
    ['/api/v1/seekers/me/applications', 'seeker', 'status'],
    ['/api/v1/seekers/me/recommendations', 'seeker', null],
    ['/api/v1/monitoring/summary', 'officer', 'employers.verified'],
    ['/api/v1/monitoring/employers', 'officer', 'legalName'],
    ['/api/v1/reports/ipk-iii-1?year=2026&month=11', 'officer', 'row'],
    ['/api/v1/reports/ipk-iii-2?year=2026&month=11', 'officer', 'carriedOver.LP'],
    ['/api/v1/reports/ipk-iii-3?year=2026&month=11', 'officer', 'remaining.LP'],
    ['/api/v1/reports/ipk-iii-4?year=2026&month=11', 'officer', 'filled.LP'],
    ['/api/v1/reports/ipk-iii-5?year=2026&month=11', 'officer', 'filled.LP'],
    ['/api/v1/reports/ipk-iii-6?year=2026&month=11', 'officer', 'code'],
    ['/api/v1/reports/ipk-iii-7?year=2026&month=11', 'officer', 'placed.LP'],
    ['/api/v1/reports/ipk-iii-8?year=2026&month=11', 'officer', 'AKAD.LP'],
    ['/api/v1/reports/periods', 'officer', null],
    ['/api/v1/reports/periods/2026-11/adjustments', 'officer', null],
  ])('%s answers CSV', async (url, role, column) => {
    const who = { officer, employer, seeker, public: null }[role as 'officer' | 'employer' | 'seeker' | 'public'];
    const { header } = await csv(url, who);
    if (column) expect(header).toContain(column);
  });

  it("answers CSV for a vacancy's applicants and candidates, and the staff list", async () => {
    const applicants = await csv(`/api/v1/vacancies/${vacancyId}/applications`, employer);
    expect(applicants.header).toEqual(expect.arrayContaining(['status', 'applicant.fullName', 'card.status']));
    expect(applicants.rows).toBe(1);
    expect((await csv(`/api/v1/vacancies/${vacancyId}/candidates`, officer)).header.length).toBeGreaterThan(0);
    expect((await csv('/api/v1/employers/me/staff', employer)).header).toEqual(
      expect.arrayContaining(['email', 'fullName']),
    );
  });
});
