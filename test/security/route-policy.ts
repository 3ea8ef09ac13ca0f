import { randomUUID } from 'node:crypto';
import { uniq, companyBody, seekerProfile, PASSWORD, vacancyBody } from '../support/factories';
import type { World } from './world';

/**
 * Who may call what: the access rules of docs/api.md as one table, the single source the security
 * specs generate their cases from. A route the running app serves but this table does not name (or
 * the other way round) fails the inventory test, so a new route cannot slip past the access tests.
 * Rows an officer may call, and rows with an object, also say how officers of other offices are
 * treated (`officeScope`, issue 20): the office matrix (office-matrix.e2e-spec.ts) generates its cases
 * from it and fails a row without one.
 *
 * - `public`: no token needed.
 * - `officer`, `seeker`: that role.
 * - `employer`: staff of any employer, verified or not.
 * - `verified`: staff of a VERIFIED employer only (others: 403 EMPLOYER_NOT_VERIFIED).
 */
export type Access = 'public' | 'officer' | 'employer' | 'verified' | 'seeker';

/** What the `{id}` of a route names; ownership of it is checked per caller. */
export type ObjectKind =
  'vacancy' | 'vacancyOutcome' | 'application' | 'card' | 'employer' | 'seeker' | 'document' | 'placement' | 'campaign';

/**
 * How a route treats officers of different offices (issue 20, docs/offices.md "Scoping"). The office matrix
 * (office-matrix.e2e-spec.ts) calls every route an officer may call, and every route with an object, as the
 * officers of city A (where the objects are), city B, their province and the nation, and expects:
 *
 * - `object`: the row the route names (`{id}`, or the body's id) is city A's: city A gets past role and scope
 *   (any answer but 403/404; a state conflict is fine), city B 404 NOT_FOUND, the province and the nation
 *   GET 200 and anything else 403 FORBIDDEN.
 * - `list`: a list filtered to the readable offices: the ids of city A's objects of `kind` (read from each
 *   item's `field`, default `id`; `query` added) are in the lists of city A, the province and the nation,
 *   and in none of city B's. A list with an object (`/vacancies/{id}/candidates`) takes a vacancy of city A.
 * - `report`: an IPK table or monitoring view: `?officeId=` of city A answers city A, the province and the
 *   nation, and 404 to city B (see the spec for `scope=aggregate`); `monthly`: it takes `year` and `month`;
 *   `aggregate`: it takes `scope=aggregate` (a province or the nation adds up its offices; a city: 400).
 * - `office`: `{id}` is an office (city A's); the tree rules decide: `tree` spells the expected status per
 *   officer (docs/offices.md, Routes).
 * - `own-office`: writes a new row into the caller's own office (walk-in, import, campaign, officer): every
 *   officer may (no 403/404), no other office's row is named.
 * - `none`: touches no office's rows; `why` says so. Every officer gets the same answer.
 */
export type OfficeScopeRule =
  | { kind: 'object' }
  | { kind: 'list'; lists: ObjectKind; field?: string; query?: Record<string, string> }
  | { kind: 'report'; monthly?: boolean; aggregate?: boolean }
  | { kind: 'office'; tree: Record<OfficerOf, number> }
  | { kind: 'own-office' }
  | { kind: 'none'; why: string };

/** The four officers of the office matrix. */
export type OfficerOf = 'cityA' | 'cityB' | 'province' | 'national';
export const OFFICERS_OF: OfficerOf[] = ['cityA', 'cityB', 'province', 'national'];

export interface RoutePolicy {
  /** `METHOD /path` as in the OpenAPI document (`{id}` for path parameters). */
  route: string;
  allow: Access[];
  object?: ObjectKind;
  /**
   * The object is public once published (an OPEN vacancy of a verified employer): only another
   * tenant's unpublished objects must stay hidden from non-owners.
   */
  publicWhenPublished?: boolean;
  /** A body that passes validation, so an ownership check (which runs after the pipes) is reached. */
  body?: (w: World) => unknown;
  /** Sent as text/csv instead of JSON. */
  csv?: boolean;
  /** Sent as multipart/form-data: the body's fields, and a small PDF as `file` (see MULTIPART_FILE). */
  multipart?: boolean;
  /**
   * Required on every route an officer may call and every route with an object (the office matrix's
   * inventory test): how officers of other offices are treated (see OfficeScopeRule).
   */
  officeScope?: OfficeScopeRule;
}

/** The file every multipart row sends: the smallest thing the upload routes accept (a PDF by its bytes). */
export const MULTIPART_FILE = Buffer.from('%PDF-1.4\n%%EOF\n');

const reason = { reason: 'Pemeriksaan keamanan otomatis' };
const account = () => ({ email: `${uniq('sec')}@security.test`, password: PASSWORD, fullName: 'Uji Keamanan' });
const futureDate = (w: World) => w.today;

const OBJECT: OfficeScopeRule = { kind: 'object' };
const REPORT: OfficeScopeRule = { kind: 'report' };
const MONITORING: OfficeScopeRule = { kind: 'report', aggregate: true };
const MONTHLY_REPORT: OfficeScopeRule = { kind: 'report', monthly: true, aggregate: true };
const OWN_OFFICE: OfficeScopeRule = { kind: 'own-office' };
const none = (why: string): OfficeScopeRule => ({ kind: 'none', why });
const MINE = none("the caller's own account, inbox or settings: no office's records");

export const ROUTE_POLICY: RoutePolicy[] = [
  // Health, keys
  { route: 'GET /health', allow: ['public'] },
  { route: 'GET /api/v1/health', allow: ['public'] },
  { route: 'GET /health/live', allow: ['public'] },
  { route: 'GET /health/ready', allow: ['public'] },
  { route: 'GET /.well-known/jwks.json', allow: ['public'] },
  { route: 'GET /.well-known/card-status', allow: ['public'] },

  // Auth
  {
    route: 'POST /api/v1/auth/login',
    allow: ['public'],
    body: () => ({ email: `${uniq('nobody')}@security.test`, password: 'not-the-password' }),
  },
  { route: 'POST /api/v1/auth/refresh', allow: ['public'], body: () => ({ refreshToken: 'A'.repeat(43) }) },
  { route: 'POST /api/v1/auth/logout', allow: ['public'], body: () => ({ refreshToken: 'A'.repeat(43) }) },
  { route: 'GET /api/v1/auth/me', allow: ['officer', 'employer', 'seeker'], officeScope: MINE },
  {
    route: 'POST /api/v1/auth/password-reset',
    allow: ['public'],
    body: () => ({ email: `${uniq('nobody')}@security.test` }),
  },
  {
    route: 'POST /api/v1/auth/password-reset/confirm',
    allow: ['public'],
    body: () => ({ token: 'A'.repeat(43), password: PASSWORD }),
  },
  { route: 'POST /api/v1/auth/email-verification', allow: ['officer', 'employer', 'seeker'], officeScope: MINE },
  { route: 'POST /api/v1/auth/email-verification/confirm', allow: ['public'], body: () => ({ token: 'A'.repeat(43) }) },
  {
    route: 'POST /api/v1/auth/register/employer',
    allow: ['public'],
    body: () => ({ ...account(), company: companyBody() }),
  },
  { route: 'POST /api/v1/auth/register/seeker', allow: ['public'], body: () => ({ ...account(), ...seekerProfile() }) },
  {
    route: 'POST /api/v1/auth/register/seeker/claim',
    allow: ['public'],
    body: () => ({ claimCode: 'ZZZZZZZZ', nik: seekerProfile().nik, email: account().email, password: PASSWORD }),
  },
  { route: 'POST /api/v1/officers', allow: ['officer'], officeScope: OWN_OFFICE, body: () => account() },

  // Offices (issue 20, first step). The security world's office is a city: an officer's POST /offices is
  // refused by the tree rules (403), after the role check these rows exercise.
  { route: 'GET /api/v1/offices', allow: ['public'] },
  { route: 'GET /api/v1/offices/{id}', allow: ['public'] },
  {
    route: 'POST /api/v1/offices',
    allow: ['officer'],
    // A parent nobody has: the cities are refused by the tree rules (403) before it is looked up; the
    // province and the nation reach the parent check (400). offices.e2e-spec.ts tries real parents.
    officeScope: { kind: 'office', tree: { cityA: 403, cityB: 403, province: 400, national: 400 } },
    body: () => ({ code: '1672', level: 'CITY', name: 'Kantor Uji Keamanan', parentId: randomUUID() }),
  },
  {
    route: 'PATCH /api/v1/offices/{id}',
    allow: ['officer'],
    officeScope: { kind: 'office', tree: { cityA: 403, cityB: 403, province: 200, national: 200 } },
    body: () => ({ name: 'Kantor Uji Keamanan' }),
  },
  {
    route: 'GET /api/v1/offices/{id}/settings',
    allow: ['officer'],
    officeScope: { kind: 'office', tree: { cityA: 200, cityB: 404, province: 200, national: 200 } },
  },
  {
    route: 'PATCH /api/v1/offices/{id}/settings',
    allow: ['officer'],
    officeScope: { kind: 'office', tree: { cityA: 200, cityB: 403, province: 200, national: 200 } },
    body: () => ({ overdueRule: { graceDays: 3 } }),
  },

  // Employers
  { route: 'GET /api/v1/employers', allow: ['officer'], officeScope: { kind: 'list', lists: 'employer' } },
  { route: 'GET /api/v1/employers/me/staff', allow: ['employer'] },
  { route: 'POST /api/v1/employers/me/staff', allow: ['employer'], body: () => account() },
  { route: 'GET /api/v1/employers/{id}', allow: ['officer', 'employer'], officeScope: OBJECT, object: 'employer' },
  {
    route: 'PATCH /api/v1/employers/{id}',
    allow: ['officer', 'employer'],
    officeScope: OBJECT,
    object: 'employer',
    body: () => ({ kind: 'SWASTA' }),
  },
  { route: 'POST /api/v1/employers/{id}/verify', allow: ['officer'], officeScope: OBJECT, object: 'employer' },
  {
    route: 'POST /api/v1/employers/{id}/reject',
    allow: ['officer'],
    officeScope: OBJECT,
    object: 'employer',
    body: () => reason,
  },
  {
    route: 'POST /api/v1/employers/{id}/suspend',
    allow: ['officer'],
    officeScope: OBJECT,
    object: 'employer',
    body: () => reason,
  },
  { route: 'POST /api/v1/employers/{id}/reinstate', allow: ['officer'], officeScope: OBJECT, object: 'employer' },

  // Seekers
  { route: 'POST /api/v1/seekers', allow: ['officer'], officeScope: OWN_OFFICE, body: () => seekerProfile() },
  { route: 'GET /api/v1/seekers/me', allow: ['seeker'] },
  { route: 'PATCH /api/v1/seekers/me', allow: ['seeker'], body: () => ({ phone: '0812-1111-2222' }) },
  { route: 'GET /api/v1/seekers/{id}', allow: ['officer'], officeScope: OBJECT, object: 'seeker' },
  { route: 'POST /api/v1/seekers/{id}/claim-code', allow: ['officer'], officeScope: OBJECT, object: 'seeker' },

  // Seeker documents
  { route: 'POST /api/v1/seekers/me/documents', allow: ['seeker'], multipart: true, body: () => ({ type: 'LAINNYA' }) },
  { route: 'GET /api/v1/seekers/me/documents', allow: ['seeker'] },
  {
    route: 'POST /api/v1/seekers/{id}/documents',
    allow: ['officer'],
    officeScope: OBJECT,
    object: 'seeker',
    multipart: true,
    body: () => ({ type: 'LAINNYA' }),
  },
  { route: 'GET /api/v1/seekers/{id}/documents', allow: ['officer'], officeScope: OBJECT, object: 'seeker' },
  { route: 'GET /api/v1/documents/{id}/file', allow: ['seeker', 'officer'], officeScope: OBJECT, object: 'document' },
  { route: 'POST /api/v1/documents/{id}/verify', allow: ['officer'], officeScope: OBJECT, object: 'document' },
  {
    route: 'POST /api/v1/documents/{id}/reject',
    allow: ['officer'],
    officeScope: OBJECT,
    object: 'document',
    body: () => reason,
  },

  // Cards
  { route: 'POST /api/v1/cards/requests', allow: ['seeker'] },
  { route: 'POST /api/v1/cards', allow: ['officer'], officeScope: OBJECT, body: (w) => ({ seekerId: w.s1.seekerId }) },
  {
    route: 'POST /api/v1/cards/import',
    allow: ['officer'],
    officeScope: OWN_OFFICE,
    csv: true,
    body: () => 'cardNumber,nik\n',
  },

  // Reference code lists (issue 19)
  { route: 'GET /api/v1/reference/{list}', allow: ['public'] },
  {
    route: 'PUT /api/v1/reference/{list}',
    // One set of lists for the deployment: only its first office's officers load them (decision 124). The
    // policy's body is an empty list, which the national officer then gets refused as a file (400).
    officeScope: { kind: 'office', tree: { cityA: 403, cityB: 403, province: 403, national: 400 } },
    allow: ['officer'],
    csv: true,
    body: () => 'code,label\n',
  },
  { route: 'GET /api/v1/cards/me', allow: ['seeker'] },
  { route: 'GET /api/v1/cards', allow: ['officer'], officeScope: { kind: 'list', lists: 'card' } },
  { route: 'GET /api/v1/cards/{id}', allow: ['officer', 'seeker'], officeScope: OBJECT, object: 'card' },
  { route: 'GET /api/v1/cards/{id}/pdf', allow: ['officer', 'seeker'], officeScope: OBJECT, object: 'card' },
  { route: 'POST /api/v1/cards/{id}/approve', allow: ['officer'], officeScope: OBJECT, object: 'card' },
  {
    route: 'POST /api/v1/cards/{id}/reject',
    allow: ['officer'],
    officeScope: OBJECT,
    object: 'card',
    body: () => reason,
  },
  {
    route: 'POST /api/v1/cards/{id}/revoke',
    allow: ['officer'],
    officeScope: OBJECT,
    object: 'card',
    body: () => reason,
  },
  {
    route: 'POST /api/v1/cards/{id}/reports',
    allow: ['officer', 'seeker'],
    officeScope: OBJECT,
    object: 'card',
    body: () => ({ note: 'Masih mencari kerja' }),
  },
  { route: 'GET /api/v1/cards/{id}/credential', allow: ['officer', 'seeker'], officeScope: OBJECT, object: 'card' },
  {
    route: 'POST /api/v1/cards/{id}/withdraw',
    allow: ['officer', 'seeker'],
    officeScope: OBJECT,
    object: 'card',
    body: () => reason,
  },

  // Card validation
  {
    route: 'POST /api/v1/card-validations',
    allow: ['verified'],
    body: (w) => ({ cardNumber: w.s1.cardNumber, nik: w.s1.nik }),
  },
  {
    route: 'POST /api/v1/card-validations/credential',
    allow: ['verified'],
    body: () => ({ token: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' }),
  },
  {
    route: 'GET /api/v1/card-validations',
    allow: ['officer', 'employer'],
    officeScope: { kind: 'list', lists: 'employer', field: 'employerId' },
  },

  // Vacancies and matching
  { route: 'GET /api/v1/vacancies', allow: ['public'] },
  // Reference data: regions of Indonesia (data/reference)
  { route: 'GET /api/v1/regions/provinces', allow: ['public'] },
  { route: 'GET /api/v1/regions/regencies', allow: ['public'] },
  { route: 'GET /api/v1/regions/kecamatan', allow: ['public'] },
  { route: 'POST /api/v1/vacancies', allow: ['verified'], body: (w) => vacancyBody(w.t) },
  { route: 'GET /api/v1/employers/me/vacancies', allow: ['employer'] },
  {
    route: 'GET /api/v1/vacancies/{id}',
    allow: ['public'],
    officeScope: OBJECT,
    object: 'vacancy',
    publicWhenPublished: true,
  },
  {
    route: 'PATCH /api/v1/vacancies/{id}',
    allow: ['verified'],
    officeScope: OBJECT,
    object: 'vacancy',
    body: () => ({ title: 'Judul diubah penyerang' }),
  },
  { route: 'POST /api/v1/vacancies/{id}/publish', allow: ['verified'], officeScope: OBJECT, object: 'vacancy' },
  {
    route: 'POST /api/v1/vacancies/{id}/close',
    allow: ['employer', 'officer'],
    officeScope: OBJECT,
    object: 'vacancy',
    body: () => ({ reason: 'Ditutup penyerang' }),
  },
  { route: 'GET /api/v1/seekers/me/recommendations', allow: ['seeker'] },
  {
    route: 'GET /api/v1/vacancies/{id}/candidates',
    allow: ['officer'],
    officeScope: { kind: 'list', lists: 'seeker', field: 'seeker.id' },
    object: 'vacancy',
  },

  // Referrals
  {
    route: 'POST /api/v1/vacancies/{id}/referrals',
    allow: ['officer'],
    officeScope: OBJECT,
    object: 'vacancy',
    body: (w) => ({ seekerId: w.s2.seekerId, note: 'Rujukan uji keamanan' }),
  },
  {
    route: 'GET /api/v1/vacancies/{id}/referrals',
    allow: ['officer', 'employer'],
    officeScope: OBJECT,
    object: 'vacancy',
  },
  { route: 'GET /api/v1/seekers/me/referrals', allow: ['seeker'] },

  // Applications and hires
  {
    route: 'POST /api/v1/vacancies/{id}/applications',
    allow: ['seeker'],
    officeScope: OBJECT,
    object: 'vacancy',
    publicWhenPublished: true,
    body: () => ({ coverLetter: 'Saya berminat.' }),
  },
  { route: 'GET /api/v1/seekers/me/applications', allow: ['seeker'] },
  { route: 'POST /api/v1/applications/{id}/withdraw', allow: ['seeker'], officeScope: OBJECT, object: 'application' },
  {
    route: 'POST /api/v1/applications/{id}/consent',
    allow: ['seeker'],
    officeScope: OBJECT,
    object: 'application',
    body: () => ({ shareContact: true }),
  },
  {
    route: 'GET /api/v1/vacancies/{id}/applications',
    allow: ['employer', 'officer'],
    officeScope: OBJECT,
    object: 'vacancy',
  },
  {
    route: 'PATCH /api/v1/applications/{id}',
    allow: ['employer'],
    officeScope: OBJECT,
    object: 'application',
    body: () => ({ status: 'SHORTLISTED' }),
  },
  {
    route: 'POST /api/v1/applications/{id}/hire',
    allow: ['verified'],
    officeScope: OBJECT,
    object: 'application',
    body: (w) => ({ startDate: futureDate(w), position: 'Operator' }),
  },
  {
    route: 'POST /api/v1/placements',
    allow: ['verified'],
    body: (w) => ({
      cardNumber: w.s1.cardNumber,
      nik: '1671010101900001',
      startDate: futureDate(w),
      position: 'Operator',
    }),
  },
  {
    route: 'POST /api/v1/seekers/me/placement',
    allow: ['seeker'],
    body: (w) => ({ employerName: 'PT Sumber Uji', startDate: futureDate(w) }),
  },
  {
    route: 'GET /api/v1/placements',
    allow: ['officer', 'employer'],
    officeScope: { kind: 'list', lists: 'placement' },
  },
  {
    route: 'POST /api/v1/placements/{id}/void',
    allow: ['officer', 'employer'],
    officeScope: OBJECT,
    object: 'placement',
    body: () => ({ reason: 'Pemeriksaan keamanan otomatis' }),
  },
  {
    route: 'POST /api/v1/vacancies/{id}/outcome',
    allow: ['verified'],
    officeScope: OBJECT,
    object: 'vacancyOutcome',
    body: () => ({ hires: [], unfilledReason: 'NO_SUITABLE_APPLICANT' }),
  },
  {
    route: 'GET /api/v1/vacancies/{id}/outcome',
    allow: ['employer', 'officer'],
    officeScope: OBJECT,
    object: 'vacancyOutcome',
  },

  // Monitoring and the office's statutory reports
  { route: 'GET /api/v1/monitoring/summary', allow: ['officer'], officeScope: MONITORING },
  { route: 'GET /api/v1/monitoring/employers', allow: ['officer'], officeScope: MONITORING },
  { route: 'GET /api/v1/monitoring/outcomes', allow: ['officer'], officeScope: MONITORING },
  { route: 'GET /api/v1/reports/ipk-iii-1', allow: ['officer'], officeScope: MONTHLY_REPORT },
  { route: 'GET /api/v1/reports/ipk-iii-2', allow: ['officer'], officeScope: MONTHLY_REPORT },
  { route: 'GET /api/v1/reports/ipk-iii-3', allow: ['officer'], officeScope: MONTHLY_REPORT },
  { route: 'GET /api/v1/reports/ipk-iii-4', allow: ['officer'], officeScope: MONTHLY_REPORT },
  { route: 'GET /api/v1/reports/ipk-iii-5', allow: ['officer'], officeScope: MONTHLY_REPORT },
  { route: 'GET /api/v1/reports/ipk-iii-6', allow: ['officer'], officeScope: MONTHLY_REPORT },
  { route: 'GET /api/v1/reports/ipk-iii-7', allow: ['officer'], officeScope: MONTHLY_REPORT },
  { route: 'GET /api/v1/reports/ipk-iii-8', allow: ['officer'], officeScope: MONTHLY_REPORT },
  { route: 'GET /api/v1/reports/periods', allow: ['officer'], officeScope: REPORT },
  { route: 'GET /api/v1/reports/periods/{month}', allow: ['officer'], officeScope: REPORT },
  { route: 'POST /api/v1/reports/periods/{month}/close', allow: ['officer'], officeScope: REPORT },
  { route: 'GET /api/v1/reports/periods/{month}/adjustments', allow: ['officer'], officeScope: REPORT },

  // Outreach campaigns ("sosialisasi")
  {
    route: 'POST /api/v1/outreach/campaigns',
    allow: ['officer'],
    officeScope: OWN_OFFICE,
    body: () => ({ title: 'Sosialisasi keamanan', message: 'Pesan uji keamanan otomatis.', audience: {} }),
  },
  { route: 'GET /api/v1/outreach/campaigns', allow: ['officer'], officeScope: { kind: 'list', lists: 'campaign' } },
  { route: 'GET /api/v1/outreach/campaigns/{id}', allow: ['officer'], officeScope: OBJECT, object: 'campaign' },
  { route: 'POST /api/v1/outreach/campaigns/{id}/send', allow: ['officer'], officeScope: OBJECT, object: 'campaign' },

  // Audit
  {
    route: 'GET /api/v1/audit-events',
    allow: ['officer'],
    officeScope: { kind: 'list', lists: 'card', field: 'entityId', query: { entityType: 'card' } },
  },

  // Notifications
  { route: 'GET /api/v1/notifications', allow: ['officer', 'employer', 'seeker'], officeScope: MINE },
  { route: 'POST /api/v1/notifications/read-all', allow: ['officer', 'employer', 'seeker'], officeScope: MINE },
  { route: 'POST /api/v1/notifications/{id}/read', allow: ['officer', 'employer', 'seeker'], officeScope: MINE },
  { route: 'GET /api/v1/me/notification-settings', allow: ['officer', 'employer', 'seeker'], officeScope: MINE },
  {
    route: 'PUT /api/v1/me/notification-settings',
    allow: ['officer', 'employer', 'seeker'],
    officeScope: MINE,
    body: () => ({ email: true, whatsapp: false, muted: [] }),
  },
  {
    route: 'GET /api/v1/notification-deliveries',
    officeScope: none(
      "the outgoing mail log of the deployment: kinds, channels and errors, no personal data and no office's records",
    ),
    allow: ['officer'],
  },
];

/** The callers every route is tried with. */
export type Caller = 'anonymous' | 'officer' | 'pendingEmployer' | 'verifiedEmployer' | 'seeker';
export const CALLERS: Caller[] = ['anonymous', 'officer', 'pendingEmployer', 'verifiedEmployer', 'seeker'];

/** What the contract says a caller gets from a route it is NOT allowed to call (null: allowed). */
export function refusalFor(p: RoutePolicy, caller: Caller): { status: number; code: string } | null {
  if (p.allow.includes('public')) return null;
  if (caller === 'anonymous') return { status: 401, code: 'UNAUTHENTICATED' };
  const allowed =
    (caller === 'officer' && p.allow.includes('officer')) ||
    (caller === 'seeker' && p.allow.includes('seeker')) ||
    (caller === 'verifiedEmployer' && (p.allow.includes('employer') || p.allow.includes('verified'))) ||
    (caller === 'pendingEmployer' && p.allow.includes('employer'));
  if (allowed) return null;
  if (caller === 'pendingEmployer' && p.allow.includes('verified'))
    return { status: 403, code: 'EMPLOYER_NOT_VERIFIED' };
  return { status: 403, code: 'FORBIDDEN' };
}

export function splitRoute(route: string): { method: string; path: string } {
  const [method, path] = route.split(' ');
  return { method, path };
}

/** `/api/v1/cards/{id}` with the id filled in. */
export function pathWith(path: string, id?: string): string {
  return id === undefined ? path : path.replace('{id}', encodeURIComponent(id));
}

/**
 * The server-rendered web console (src/console): HTML pages with cookie sessions and CSRF tokens,
 * guarded by its own ConsoleGuard and left out of the OpenAPI document. Its access rules are not part
 * of the API table above (it calls the same services, whose object checks the API tests cover). Its
 * mount points are named here so that a route outside both lists still fails the inventory.
 */
export const CONSOLE_ROUTE =
  /^(GET|POST) \/(|masuk|masuk\/(lupa-kata-sandi|atur-ulang)|akun(\/.*)?|keluar|bahasa|cek-kartu|bantuan|privasi|sitemap\.xml|robots\.txt|daftar\/[\w-]+|lowongan\/\{id\}(\/lamar)?|saya(\/.*)?|pemberitahuan(\/.*)?|perusahaan(\/.*)?|petugas(\/.*)?)$/;
