import { randomBytes, randomInt } from 'node:crypto';
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
  await t.app.get(Transactions).run((m) => users.create(m, { email, password: PASSWORD, fullName: 'Petugas Uji', role: 'officer' }));
  return login(t, email);
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
export async function verifiedEmployer(t: TestApp, officer?: Session, company: Record<string, unknown> = {}): Promise<EmployerSession> {
  const o = officer ?? (await makeOfficer(t));
  const e = await registerEmployer(t, company);
  const res = await t.http.post(`/api/v1/employers/${e.employerId}/verify`).set('Authorization', `Bearer ${o.token}`);
  if (res.status !== 200) throw new Error(`verify failed: ${res.status} ${JSON.stringify(res.body)}`);
  return e;
}

export const bearer = (s: { token: string }) => ({ Authorization: `Bearer ${s.token}` });
