import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Application } from '../../src/applications/application.entity';
import { Transactions } from '../../src/database/transactions';
import { UsersService } from '../../src/users/users.service';
import type { TestApp } from './app';

export const PASSWORD = 'correct-horse-battery';

export function uniq(prefix = 'x'): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

export function digits(n: number): string {
  let s = String(randomInt(1, 10));
  while (s.length < n) s += String(randomInt(0, 10));
  return s;
}

export interface Session {
  token: string;
  refreshToken: string;
  userId: string;
  email: string;
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<Session> {
  const res = await t.http.post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login failed for test user: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken, refreshToken: res.body.refreshToken, userId: res.body.user.id, email };
}

/** An officer account made directly through the service (there is no public sign-up for officers). */
export async function makeOfficer(t: TestApp): Promise<Session> {
  const email = `${uniq('officer')}@disnaker.test`;
  const users = t.app.get(UsersService);
  await t.app
    .get(Transactions)
    .run((m) => users.create(m, { email, password: PASSWORD, fullName: 'Petugas Uji', role: 'officer' }));
  return login(t, email);
}

/** An office made through the API by an officer of the office above it (`POST /offices`); its id. */
export async function makeOffice(
  t: TestApp,
  by: Session,
  office: { code: string; level: 'PROVINCE' | 'CITY'; name: string; parentId: string },
): Promise<string> {
  const res = await t.http.post('/api/v1/offices').set(bearer(by)).send(office);
  if (res.status !== 201) throw new Error(`office ${office.code} not made: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** An officer of `officeId`, added through the API by an officer of that office or one above it, signed in. */
export async function officerIn(
  t: TestApp,
  by: Session,
  officeId: string,
  fullName = 'Petugas Kota',
): Promise<Session> {
  const email = `${uniq('petugas')}@disnaker.test`;
  const res = await t.http
    .post('/api/v1/officers')
    .set(bearer(by))
    .send({ email, password: PASSWORD, fullName, officeId });
  if (res.status !== 201) throw new Error(`officer not made: ${res.status} ${JSON.stringify(res.body)}`);
  return login(t, email);
}

/**
 * On an app started with REGION_CODE=16 (South Sumatra's province office first): the cities of Palembang
 * (1671) and Pagar Alam (1672) below it, an officer of the province (made directly) and one of each city.
 */
export async function provinceWithTwoCities(t: TestApp): Promise<{
  province: Session;
  cityA: Session;
  cityB: Session;
  office: { province: string; a: string; b: string };
}> {
  const province = await makeOfficer(t);
  const [root] = (await t.ds.query("SELECT id FROM offices WHERE code = '16'")) as { id: string }[];
  const city = (code: string, name: string) =>
    makeOffice(t, province, { code, level: 'CITY', name, parentId: root.id });
  const office = { province: root.id, a: await city('1671', 'Disnaker Kota Palembang'), b: '' };
  office.b = await city('1672', 'Disnaker Kota Pagar Alam');
  return {
    province,
    office,
    cityA: await officerIn(t, province, office.a),
    cityB: await officerIn(t, province, office.b),
  };
}

export function companyBody(overrides: Record<string, unknown> = {}) {
  return {
    legalName: `PT ${uniq('Uji')}`,
    nib: digits(13),
    npwp: digits(16),
    kbli: '47111',
    address: 'Jl. Jenderal Sudirman No. 1, Palembang',
    kecamatanCode: '16.71.05',
    phone: '0711-123456',
    ...overrides,
  };
}

export interface EmployerSession extends Session {
  employerId: string;
}

export async function registerEmployer(t: TestApp, company: Record<string, unknown> = {}): Promise<EmployerSession> {
  const email = `${uniq('hr')}@company.test`;
  const res = await t.http
    .post('/api/v1/auth/register/employer')
    .send({ email, password: PASSWORD, fullName: 'Staf HR', company: companyBody(company) });
  if (res.status !== 201) throw new Error(`employer registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  const s = await login(t, email);
  return { ...s, employerId: res.body.employer.id };
}

/** A registered employer that an officer has verified. */
export async function verifiedEmployer(
  t: TestApp,
  officer?: Session,
  company: Record<string, unknown> = {},
): Promise<EmployerSession> {
  const o = officer ?? (await makeOfficer(t));
  const e = await registerEmployer(t, company);
  const res = await t.http.post(`/api/v1/employers/${e.employerId}/verify`).set('Authorization', `Bearer ${o.token}`);
  if (res.status !== 200) throw new Error(`verify failed: ${res.status} ${JSON.stringify(res.body)}`);
  return e;
}

export const bearer = (s: { token: string }) => ({ Authorization: `Bearer ${s.token}` });

/** A complete vacancy report whose closing date is 30 days after the test clock's today. */
export function vacancyBody(t: Pick<TestApp, 'clock'>, overrides: Record<string, unknown> = {}) {
  const [y, m, d] = t.clock.today().split('-').map(Number);
  const closesAt = new Date(Date.UTC(y, m - 1, d + 30)).toISOString().slice(0, 10);
  return {
    title: 'Operator Forklift',
    description: 'Mengoperasikan forklift di gudang distribusi, shift pagi dan malam.',
    occupationCode: '8344',
    educationMin: 'SMA',
    skills: ['forklift', 'K3'],
    experienceYearsMin: 1,
    ageMin: 18,
    ageMax: 40,
    employmentType: 'FULL_TIME',
    salaryMin: 3_500_000,
    salaryMax: 4_500_000,
    kecamatanCode: '16.71.05',
    location: 'Gudang KM 12, Palembang',
    quota: 2,
    closesAt,
    ...overrides,
  };
}

/** Posts a vacancy as that employer's staff and returns the reply body (OPEN unless overridden). */
export async function postVacancy(t: TestApp, employer: Session, overrides: Record<string, unknown> = {}) {
  const res = await t.http.post('/api/v1/vacancies').set(bearer(employer)).send(vacancyBody(t, overrides));
  if (res.status !== 201) throw new Error(`vacancy post failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string; [k: string]: unknown };
}

// ---- Job seekers and AK1 cards ----

/** A random birth date between 1970 and 2005 and a sex, with an NIK that agrees with them. */
export function randomIdentity(gender: 'L' | 'P' = randomInt(0, 2) === 0 ? 'L' : 'P') {
  const year = randomInt(1970, 2006);
  const month = randomInt(1, 13);
  const day = randomInt(1, 29);
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { nik: nikFor(birthDate, gender), birthDate, gender };
}

/** An NIK (Palembang, a random district and serial) for this birth date and sex. */
export function nikFor(birthDate: string, gender: 'L' | 'P'): string {
  const [y, m, d] = birthDate.split('-');
  const dd = String(Number(d) + (gender === 'P' ? 40 : 0)).padStart(2, '0');
  return `1671${String(randomInt(1, 19)).padStart(2, '0')}${dd}${m}${y.slice(2)}${String(randomInt(1, 10000)).padStart(4, '0')}`;
}

/** A complete walk-in profile (registration body minus email/password). */
export function seekerProfile(overrides: Record<string, unknown> = {}) {
  const id = randomIdentity();
  return {
    ...id,
    fullName: 'Budi Santoso',
    birthPlace: 'Palembang',
    maritalStatus: 'BELUM_KAWIN',
    phone: '0812-7777-1234',
    address: 'Jl. Merdeka No. 10, Palembang',
    kecamatanCode: '16.71.05',
    educationLevel: 'SMK',
    major: 'Teknik Mesin',
    graduationYear: 2020,
    skills: ['Las listrik', 'Mengemudi'],
    experience: [{ position: 'Montir', company: 'Bengkel Jaya', fromYear: 2020, toYear: 2022 }],
    ...overrides,
  };
}

export interface SeekerSession extends Session {
  seekerId: string;
  nik: string;
  fullName: string;
}

/** A job seeker who registered themself, signed in. */
export async function registerSeeker(t: TestApp, overrides: Record<string, unknown> = {}): Promise<SeekerSession> {
  const email = `${uniq('seeker')}@mail.test`;
  const body = { email, password: PASSWORD, ...seekerProfile(overrides) };
  const res = await t.http.post('/api/v1/auth/register/seeker').send(body);
  if (res.status !== 201) throw new Error(`seeker registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  const s = await login(t, email);
  return { ...s, seekerId: res.body.seeker.id, nik: body.nik as string, fullName: body.fullName as string };
}

/** A registered seeker whose card request an officer approved: returns the card too. */
export async function seekerWithActiveCard(t: TestApp, officer: Session, overrides: Record<string, unknown> = {}) {
  const seeker = await registerSeeker(t, overrides);
  const requested = await t.http.post('/api/v1/cards/requests').set(bearer(seeker));
  if (requested.status !== 201)
    throw new Error(`card request failed: ${requested.status} ${JSON.stringify(requested.body)}`);
  const approved = await t.http.post(`/api/v1/cards/${requested.body.id}/approve`).set(bearer(officer));
  if (approved.status !== 200) throw new Error(`approval failed: ${approved.status} ${JSON.stringify(approved.body)}`);
  return {
    seeker,
    card: approved.body as {
      id: string;
      cardNumber: string;
      expiresAt: string;
      nextReportDue: string;
      issuedAt: string;
    },
  };
}

/** A walk-in seeker (no account) with a card issued at the counter: cheap, for races and volume. */
export async function walkInSeekerWithCard(t: TestApp, officer: Session, overrides: Record<string, unknown> = {}) {
  const profile = seekerProfile(overrides);
  const created = await t.http.post('/api/v1/seekers').set(bearer(officer)).send(profile);
  if (created.status !== 201) throw new Error(`walk-in failed: ${created.status} ${JSON.stringify(created.body)}`);
  const card = await t.http.post('/api/v1/cards').set(bearer(officer)).send({ seekerId: created.body.id });
  if (card.status !== 201) throw new Error(`walk-in issue failed: ${card.status} ${JSON.stringify(card.body)}`);
  return {
    seekerId: created.body.id as string,
    nik: profile.nik as string,
    card: card.body as { id: string; cardNumber: string },
  };
}

/**
 * An application row written straight into the database, for race set-ups where the seeker has no
 * account; the races themselves always go through HTTP.
 */
export async function insertApplication(
  t: TestApp,
  vacancyId: string,
  seekerId: string,
  employerId: string,
): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await t.ds.getRepository(Application).insert({
    id,
    vacancyId,
    seekerId,
    employerId,
    status: 'SUBMITTED',
    closedReason: null,
    coverLetter: null,
    appliedAt: now,
    decidedAt: null,
    decidedBy: null,
    updatedAt: now,
  });
  return id;
}
