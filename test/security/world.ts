import type { TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  postVacancy,
  registerEmployer,
  seekerWithActiveCard,
  uniq,
  verifiedEmployer,
  walkInSeekerWithCard,
  type EmployerSession,
  type SeekerSession,
  type Session,
} from '../support/factories';
import { MULTIPART_FILE, type Caller, type ObjectKind, type RoutePolicy } from './route-policy';

export interface SeekerWithCard extends SeekerSession {
  cardId: string;
  cardNumber: string;
}

/**
 * Two tenants of each kind and their objects, built through the API: employers A and B (verified),
 * a pending employer, seekers S1 (applied to B) and S2 (applied to A), each with an ACTIVE card.
 * Every caller attacks the objects of the other tenant.
 */
export interface World {
  t: TestApp;
  today: string;
  officer: Session;
  a: EmployerSession;
  b: EmployerSession;
  pending: EmployerSession;
  s1: SeekerWithCard;
  s2: SeekerWithCard;
  vacancyA: string;
  vacancyB: string;
  draftB: string;
  /** B's vacancy closed with a position unfilled, its outcome recorded (the object of the outcome routes). */
  closedB: string;
  /** S1's application to B's vacancy; S2's to A's. */
  appS1toB: string;
  appS2toA: string;
  /** The placement B recorded (a walk-in hired by card number and NIK). */
  placementB: string;
  /** A document (LAINNYA, a PDF) of S1 and of S2. */
  docS1: string;
  docS2: string;
  /** Strings that only B's or S2's objects contain: a reply to another caller must never hold them. */
  secrets: string[];
}

/**
 * `officer`: the officer who verifies, approves and registers walk-ins (default: a new officer of the
 * first office). The office matrix passes a city's officer, so every object lands in that city.
 */
export async function buildWorld(t: TestApp, opts: { officer?: Session } = {}): Promise<World> {
  const officer = opts.officer ?? (await makeOfficer(t));
  const a = await verifiedEmployer(t, officer);
  const b = await verifiedEmployer(t, officer, { legalName: `PT ${uniq('RahasiaB')}` });
  const pending = await registerEmployer(t);
  const s1 = await withCard(t, officer, { fullName: 'Siti Pertama' });
  const s2 = await withCard(t, officer, { fullName: `Rahasia ${uniq('Kedua').replace(/[0-9]/g, 'x')}` });
  const vacancyA = (await postVacancy(t, a)).id;
  const secretTitle = `Lowongan ${uniq('rahasiaB')}`;
  const vacancyB = (await postVacancy(t, b, { title: secretTitle })).id;
  const draftB = (await postVacancy(t, b, { title: `${secretTitle} draf`, status: 'DRAFT' })).id;
  const closedB = (await postVacancy(t, b, { title: `${secretTitle} ditutup` })).id;
  await ok(t.http.post(`/api/v1/vacancies/${closedB}/close`).set(bearer(b)).send({}), 200);
  await ok(
    t.http.post(`/api/v1/vacancies/${closedB}/outcome`).set(bearer(b)).send({ hires: [], unfilledReason: 'OTHER' }),
    200,
  );
  const appS1toB = await apply(t, s1, vacancyB);
  const appS2toA = await apply(t, s2, vacancyA);

  // Evidence on both sides: each employer validates a card, B records a hire.
  await ok(
    t.http.post('/api/v1/card-validations').set(bearer(a)).send({ cardNumber: s1.cardNumber, nik: s1.nik }),
    200,
  );
  await ok(
    t.http.post('/api/v1/card-validations').set(bearer(b)).send({ cardNumber: s2.cardNumber, nik: s2.nik }),
    200,
  );
  const document = (s: Session) =>
    ok(
      t.http
        .post('/api/v1/seekers/me/documents')
        .set(bearer(s))
        .field('type', 'TRANSKRIP')
        .attach('file', MULTIPART_FILE, 'transkrip.pdf'),
      201,
    ).then((res) => res.body.id as string);
  const docS1 = await document(s1);
  const docS2 = await document(s2);
  const walkIn = await walkInSeekerWithCard(t, officer);
  const placementB = (
    await ok(
      t.http.post('/api/v1/placements').set(bearer(b)).send({
        cardNumber: walkIn.card.cardNumber,
        nik: walkIn.nik,
        startDate: t.clock.today(),
        position: 'Operator',
      }),
      201,
    )
  ).body.id as string;
  return {
    t,
    today: t.clock.today(),
    officer,
    a,
    b,
    pending,
    s1,
    s2,
    vacancyA,
    vacancyB,
    draftB,
    closedB,
    appS1toB,
    appS2toA,
    placementB,
    docS1,
    docS2,
    secrets: [s2.nik, s2.fullName, s2.cardNumber, secretTitle],
  };
}

/** The session a caller of the generated tests uses (null: no token). */
export function sessionOf(w: World, caller: Caller): Session | null {
  switch (caller) {
    case 'anonymous':
      return null;
    case 'officer':
      return w.officer;
    case 'pendingEmployer':
      return w.pending;
    case 'verifiedEmployer':
      return w.a;
    case 'seeker':
      return w.s1;
  }
}

/**
 * One object of each kind, B's or S2's (another tenant's from A's and S1's side): the id a generated
 * case puts into a route's `{id}`. Undefined for a kind the world has none of.
 */
export function objectIdOf(w: World, kind: ObjectKind | undefined): string | undefined {
  switch (kind) {
    case 'vacancyOutcome':
      return w.closedB;
    case 'vacancy':
      return w.vacancyB;
    case 'application':
      return w.appS1toB;
    case 'card':
      return w.s2.cardId;
    case 'employer':
      return w.b.employerId;
    case 'seeker':
      return w.s2.seekerId;
    case 'document':
      return w.docS2;
    case 'placement':
      return w.placementB;
    default:
      return undefined;
  }
}

export interface ForeignObject {
  label: string;
  id: string;
  /** Who the object belongs to: for read routes the owner's own call must succeed (a control). */
  owner: Session;
}

/**
 * Objects of another tenant as seen by this caller, with a label for the test name. Employers (A and
 * the pending one) attack B's; seeker S1 attacks S2's. Officers see everything, so have none.
 */
export function foreignObjects(w: World, p: RoutePolicy, caller: Caller): ForeignObject[] {
  const employer = caller === 'verifiedEmployer' || caller === 'pendingEmployer';
  const seekerOrAnon = caller === 'seeker' || caller === 'anonymous';
  const kind = p.object as ObjectKind;
  const out: ForeignObject[] = [];
  if (kind === 'vacancy' && (employer || seekerOrAnon)) {
    out.push({ label: "B's draft vacancy", id: w.draftB, owner: w.b });
    if (!p.publicWhenPublished) out.push({ label: "B's open vacancy", id: w.vacancyB, owner: w.b });
  }
  if (kind === 'vacancyOutcome' && (employer || seekerOrAnon))
    out.push({ label: "B's closed vacancy with its outcome", id: w.closedB, owner: w.b });
  if (kind === 'application' && employer) out.push({ label: "B's application (S1 to B)", id: w.appS1toB, owner: w.b });
  if (kind === 'application' && caller === 'seeker')
    out.push({ label: "S2's application", id: w.appS2toA, owner: w.s2 });
  if (kind === 'card' && caller === 'seeker') out.push({ label: "S2's card", id: w.s2.cardId, owner: w.s2 });
  if (kind === 'document' && caller === 'seeker') out.push({ label: "S2's document", id: w.docS2, owner: w.s2 });
  if (kind === 'employer' && employer) out.push({ label: 'employer B', id: w.b.employerId, owner: w.b });
  if (kind === 'placement' && employer) out.push({ label: "B's placement", id: w.placementB, owner: w.b });
  return out;
}

async function withCard(t: TestApp, officer: Session, overrides: Record<string, unknown>): Promise<SeekerWithCard> {
  const { seeker, card } = await seekerWithActiveCard(t, officer, overrides);
  return { ...seeker, cardId: card.id, cardNumber: card.cardNumber };
}

async function apply(t: TestApp, seeker: Session, vacancyId: string): Promise<string> {
  const res = await ok(t.http.post(`/api/v1/vacancies/${vacancyId}/applications`).set(bearer(seeker)).send({}), 201);
  return res.body.id as string;
}

async function ok<T extends { status: number; body: unknown }>(req: PromiseLike<T>, status: number): Promise<T> {
  const res = await req;
  if (res.status !== status)
    throw new Error(`world set-up: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** Keys of the contract's error body; an error reply has these and no others. */
export const ERROR_KEYS = ['statusCode', 'error', 'code', 'message', 'details'];

/** Asserts the contract's error shape and that nothing internal leaks through it. */
export function expectErrorShape(res: { status: number; body: unknown; text: string }): void {
  const body = res.body as Record<string, unknown>;
  expect(body).toEqual(
    expect.objectContaining({
      statusCode: res.status,
      error: expect.any(String),
      code: expect.any(String),
      message: expect.any(String),
    }),
  );
  expect(Object.keys(body).filter((k) => !ERROR_KEYS.includes(k))).toEqual([]);
  if ('details' in body) expect(Array.isArray(body.details)).toBe(true);
  expect(res.text).not.toMatch(LEAK_RE);
}

/** Signs of an internal error: a stack frame, a file path, driver or SQL text. */
export const LEAK_RE =
  /\bat [\w.<>]+ \(|node_modules|\/src\/|\.ts:\d+|QueryFailedError|SQLITE_[A-Z]|\bER_[A-Z_]{3,}|\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|\bUPDATE\b.+\bSET\b|TypeORM/;
