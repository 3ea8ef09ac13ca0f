import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSource } from 'typeorm';
import { Application } from '../applications/application.entity.js';
import { newCardValidationRow } from '../card-validation/card-validation-rows.js';
import { CardValidation, type ValidationResult } from '../card-validation/card-validation.entity.js';
import { cardTerm, nextReportMark } from '../cards/card-dates.js';
import { composeCardNumber, groupCardNumber } from '../cards/card-number.js';
import { newCardReportRow, newCardRow } from '../cards/card-rows.js';
import { Card, CardReport, CardSerial, type CardStatus } from '../cards/card.entity.js';
import { addMonths, startOfJakartaDay } from '../common/dates.js';
import type { PersonalData } from '../common/personal-data.js';
import { EDUCATION_LEVELS, educationRank } from '../common/reference/education.js';
import { newEmployerRow } from '../employers/employer-rows.js';
import { Employer, type EmployerStatus } from '../employers/employer.entity.js';
import { newPlacementRow } from '../placements/placement-rows.js';
import { kbjiMajorGroup, kbliSection } from '../common/reference/classification.js';
import type { FlowDimensions } from '../statistics/labour-rows.js';
import { seedDesiredOccupation, seedEducationCode, seedEmployerKind, seedPlacementFacts } from './ipk-codes.js';
import { Placement, type PlacementSource } from '../placements/placement.entity.js';
import { newSeekerRow } from '../seekers/seeker-rows.js';
import { Seeker } from '../seekers/seeker.entity.js';
import { LabourEvent } from '../statistics/labour-event.entity.js';
import { newUserRow } from '../users/user-rows.js';
import { User } from '../users/user.entity.js';
import { VacancyOutcome } from '../vacancies/vacancy-outcome.entity.js';
import { Vacancy } from '../vacancies/vacancy.entity.js';
import { fillSearchableVacancies } from '../search/searchable-rows.js';
import { BulkWriter, type SqlValue } from './bulk-writer.js';
import { DeferredIndexes } from './deferred-indexes.js';
import { LabourLedger } from './labour-events.js';
import { SeedGeography, SEED_PROVINCE_CODE, type SeedCity } from './offices.js';
import { Office } from '../offices/office.entity.js';
import type { SeedAccounts, SeedOptions } from './options.js';
import { dateOf, dayOf, makePerson, NikRegistry, personName, type PersonProfile } from './people.js';
import { rngFor, seededId, TAG, type Rng, type Sequences } from './random.js';
import {
  COMPANY_FORMS,
  COMPANY_WORDS,
  KBLI,
  POSITIONS,
  REJECT_REASONS,
  REVOKE_REASONS,
  WITHDRAW_REASONS,
  STREETS,
  VACANCY_TEMPLATES,
} from './reference.js';
import { dailyJobInstant, officeInstant, type SeedBase, type SeedRun } from './run.js';
import {
  applicationId,
  assignHire,
  pickOpenVacancy,
  planVacancies,
  writeApplications,
  writeVacancies,
} from './vacancies.js';
import { ApplicationIntents } from './vacancy-plan.js';

export { OPEN_VACANCY_SHARE, SCALES, type Scale, type SeedAccounts, type SeedOptions } from './options.js';

/** Every entity the seed writes, for the writer's table and column metadata. */
const SEEDED_ENTITIES = [
  Office,
  User,
  Employer,
  Seeker,
  Card,
  CardReport,
  CardSerial,
  CardValidation,
  Vacancy,
  VacancyOutcome,
  Application,
  Placement,
  LabourEvent,
];

const OFFICER_COUNT = 3;
const KNOWN_EMPLOYER_ACCOUNTS = 5;
const KNOWN_SEEKER_ACCOUNTS = 10;
const CARD_SAMPLE_SIZE = 2_000;
/** Share of seekers holding an earlier, expired card as well as their current one. */
const RENEWAL_SHARE = 0.05;
/** Issue dates of current cards spread over the last 30 months, so about a fifth have run their two years. */
const ISSUE_SPAN_DAYS = 913;
const SEEKERS_PER_CHUNK = 1_000;

/** Seeds one database. Kinds run in dependency order; each writes its own tables. */
export async function runSeed(
  ds: DataSource,
  personal: PersonalData,
  opts: SeedOptions,
  log: (line: string) => void,
): Promise<SeedAccounts> {
  const writer = new BulkWriter(ds, SEEDED_ENTITIES);
  const seq: Sequences = { card: 0, report: 0, validation: 0, placement: 0, labourEvent: 0 };
  const base: SeedBase = {
    opts,
    ds,
    writer,
    personal,
    today: dayOf(opts.today),
    cutoff: startOfJakartaDay(opts.today),
    officerIds: [],
    geo: SeedGeography.oneCity(opts.regionCode),
    employers: {
      ids: [],
      userIds: [],
      names: [],
      status: [],
      kecamatan: [],
      kbli: [],
      city: [],
      participating: [],
    },
    ledger: new LabourLedger(seq, opts.regionCode),
    seq,
    accounts: {
      seed: opts.seed,
      scale: opts.scale,
      today: opts.today,
      password: opts.password,
      officers: [],
      employers: [],
      seekers: [],
      cards: [],
      unusedCardNumbers: [],
      counts: {},
    },
    log,
  };
  await refuseSecondRun(ds, opts);
  if (opts.offices === 'province') base.geo = await provinceGeography(ds, opts);
  const indexes = new DeferredIndexes(ds);
  await indexes.defer();
  try {
    await seedAll(base);
  } finally {
    await indexes.restore(log);
  }
  base.accounts.counts = Object.fromEntries(writer.counts);
  mkdirSync(dirname(opts.accountsFile), { recursive: true });
  writeFileSync(opts.accountsFile, JSON.stringify(base.accounts, null, 2) + '\n');
  return base.accounts;
}

/** Kinds in dependency order, each writing its own tables, in one writer's batches. */
async function seedAll(base: SeedBase): Promise<void> {
  const { writer, log } = base;
  await writer.open();
  try {
    await seedOfficers(base);
    await seedEmployers(base);
    // Vacancies are planned once the employers exist; hires and applications are matched to them as cards are written.
    const run: SeedRun = { ...base, vacancies: planVacancies(base), applications: new ApplicationIntents() };
    await seedSeekersAndCards(run);
    await writeVacancies(run);
    await writeApplications(run);
    const cells = await run.ledger.writeMonthly(writer);
    log(`labour history: ${run.seq.labourEvent} events, ${cells} monthly roll-up cells`);
    await seedSearchIndex(run);
  } catch (err) {
    await writer.abort();
    throw err;
  }
  await writer.close();
}

/**
 * The database search driver's index from the vacancies and employers just written, with its owner's own
 * INSERT … SELECT (one statement, not row by row).
 */
async function seedSearchIndex(run: SeedBase): Promise<void> {
  const started = Date.now();
  const n = await fillSearchableVacancies(
    (sql, params) => run.writer.execute(sql, params as SqlValue[]),
    run.writer.isMysql,
  );
  run.log(`search index: ${n} searchable vacancies (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function officerEmail(k: number): string {
  return k === 0 ? 'officer@seed.example.com' : `officer${k + 1}@seed.example.com`;
}

/** Ids are derived from the seed, so a second run of the same seed would collide: say so plainly. */
async function refuseSecondRun(ds: DataSource, opts: SeedOptions): Promise<void> {
  const rows: unknown[] = await ds.query('SELECT id FROM users WHERE email = ?', [officerEmail(0)]);
  if (rows.length > 0) {
    throw new Error(
      `This database already holds seeded data (${officerEmail(0)} exists). Seed into a fresh database (DB_PATH / DB_URL).`,
    );
  }
  if (opts.cards < 1 || opts.employers < KNOWN_EMPLOYER_ACCOUNTS * 4)
    throw new Error('--cards must be at least 1 and the scale needs at least 20 employers');
}

/**
 * `--offices province`: the first office is province 16 (REGION_CODE must say so, or the service would make
 * another first office at start), reused when the service already made it; its 17 cities must not exist yet.
 */
async function provinceGeography(ds: DataSource, opts: SeedOptions): Promise<SeedGeography> {
  if (opts.regionCode !== SEED_PROVINCE_CODE)
    throw new Error(
      `--offices province seeds province ${SEED_PROVINCE_CODE} (Sumatera Selatan) as the first office: set REGION_CODE=${SEED_PROVINCE_CODE} (it is ${opts.regionCode}).`,
    );
  const found: { id: string; code: string }[] = await ds.query(
    `SELECT id, code FROM offices WHERE code = ? OR code LIKE ?`,
    [SEED_PROVINCE_CODE, `${SEED_PROVINCE_CODE}__`],
  );
  if (found.some((o) => o.code !== SEED_PROVINCE_CODE))
    throw new Error('The city offices of province 16 exist already: seed into a fresh database.');
  const created = startOfJakartaDay(dateOf(dayOf(opts.today) - ISSUE_SPAN_DAYS - 500));
  return SeedGeography.province(opts.seed, created, found[0]?.id ?? null);
}

// ---------------------------------------------------------------------------------------------------
// Kind: officers (and, with `--offices province`, the offices they work in)

async function seedOfficers(run: SeedBase): Promise<void> {
  if (run.geo.province) return seedProvinceOfficers(run);
  const rows: User[] = [];
  for (let k = 0; k < OFFICER_COUNT; k++) {
    const rng = rngFor(run.opts.seed, 'officer', k);
    const id = seededId(TAG.officer, k, rng);
    const email = officerEmail(k);
    const nip = `19${rng.int(70, 99)}${rng.digits(14)}`;
    const fullName = personName(rng, rng.chance(0.5) ? 'L' : 'P');
    rows.push(
      newUserRow({
        id,
        email,
        passwordHash: run.opts.passwordHash,
        role: 'officer',
        fullName,
        nip,
        createdAt: officeInstant(run, run.today - ISSUE_SPAN_DAYS - 400, rng),
      }),
    );
    run.officerIds.push(id);
    run.accounts.officers.push({ email, id });
  }
  run.geo.cities[0].officerIds.push(...run.officerIds);
  await run.writer.insert(User, rows);
}

/**
 * The province office and its 17 city offices, one officer each: `officer@seed.example.com` in the province,
 * `officer.1671@seed.example.com` in Kota Palembang and so on. City officers register, decide and verify
 * their city's rows.
 */
async function seedProvinceOfficers(run: SeedBase): Promise<void> {
  const { geo } = run;
  const created = geo.province!.createdAt;
  const existing: unknown[] = await run.ds.query('SELECT id FROM offices WHERE id = ?', [geo.province!.id]);
  await run.writer.insert(Office, geo.officeRows(created, existing.length > 0));
  const offices = [
    { officeId: geo.province!.id, code: geo.province!.code, email: officerEmail(0) },
    ...geo.cities.map((c) => ({ officeId: c.officeId!, code: c.code, email: `officer.${c.code}@seed.example.com` })),
  ];
  const rows: User[] = offices.map((o, k) => {
    const rng = rngFor(run.opts.seed, 'officer', k);
    const id = seededId(TAG.officer, k, rng);
    const nip = `19${rng.int(70, 99)}${rng.digits(14)}`;
    const fullName = personName(rng, rng.chance(0.5) ? 'L' : 'P');
    run.officerIds.push(id);
    run.accounts.officers.push({ email: o.email, id, officeCode: o.code });
    if (k > 0) geo.cities[k - 1].officerIds.push(id);
    return newUserRow({
      id,
      email: o.email,
      passwordHash: run.opts.passwordHash,
      role: 'officer',
      fullName,
      nip,
      officeId: o.officeId,
      createdAt: officeInstant(run, run.today - ISSUE_SPAN_DAYS - 400, rng),
    });
  });
  await run.writer.insert(User, rows);
  run.log(`offices: province ${geo.province!.code} and ${geo.cities.length} cities, one officer each`);
}

// ---------------------------------------------------------------------------------------------------
// Kind: employers, each with the staff account that registered it

async function seedEmployers(run: SeedBase): Promise<void> {
  const { opts, employers } = run;
  let rows: Employer[] = [];
  let users: User[] = [];
  for (let j = 0; j < opts.employers; j++) {
    const rng = rngFor(opts.seed, 'employer', j);
    const cityIndex = run.geo.cityOf(opts.seed, 'employer', j);
    const city = run.geo.cities[cityIndex];
    const status = rng.weighted<EmployerStatus>({ VERIFIED: 82, PENDING: 10, SUSPENDED: 5, REJECTED: 3 });
    // Only some verified employers take part in the programme.
    const participating = status === 'VERIFIED' && rng.chance(0.4);
    const id = seededId(TAG.employer, j, rng);
    const userId = seededId(TAG.employerUser, j, rng);
    const words = rng.sample(COMPANY_WORDS, rng.int(2, 3));
    const legalName = `${rng.weighted(COMPANY_FORMS)} ${words.join(' ')}`;
    const createdDay = run.today - rng.int(30, 4 * 365);
    const createdAt = officeInstant(run, createdDay, rng);
    const decidedAt = officeInstant(run, Math.min(createdDay + rng.int(1, 10), run.today - 1), rng);
    const verified = status === 'VERIFIED' || status === 'SUSPENDED';
    const reason =
      status === 'SUSPENDED'
        ? 'Laporan lowongan fiktif sedang diperiksa'
        : status === 'REJECTED'
          ? 'NIB tidak ditemukan di OSS'
          : null;
    const updatedAt = status === 'PENDING' ? createdAt : decidedAt;
    // Fields in column order: the draws below keep their order.
    const employer = newEmployerRow({
      id,
      legalName,
      nib: `91${String(j).padStart(9, '0')}${rng.digits(2)}`,
      npwp: rng.chance(0.9) ? rng.digits(16) : null,
      kbli: rng.weighted(KBLI),
      kind: seedEmployerKind(id),
      address: `Jl. ${rng.pick(STREETS)} No. ${rng.int(1, 300)}, ${city.name}`,
      kecamatanCode: rng.pick(city.kecamatan),
      phone: rng.chance(0.6) ? `0711${rng.digits(6)}` : `08${rng.int(11, 99)}${rng.digits(8)}`,
      status,
      statusReason: reason,
      verifiedAt: verified ? decidedAt : null,
      verifiedBy: verified ? rng.pick(city.officerIds) : null,
      createdAt,
      updatedAt,
      officeId: city.officeId,
    });
    rows.push(employer);
    const slug = words.join('-').toLowerCase();
    const email = `hrd.e${j}@${slug}.example.com`;
    users.push(
      newUserRow({
        id: userId,
        email,
        passwordHash: opts.passwordHash,
        role: 'employer',
        fullName: personName(rng, rng.chance(0.5) ? 'L' : 'P'),
        employerId: id,
        officeId: city.officeId,
        createdAt,
      }),
    );

    employers.ids.push(id);
    employers.city.push(cityIndex);
    employers.userIds.push(userId);
    employers.names.push(legalName);
    employers.status.push(status);
    employers.kecamatan.push(String(employer.kecamatanCode));
    employers.kbli.push(employer.kbli);
    if (participating) {
      employers.participating.push(j);
      if (run.accounts.employers.length < KNOWN_EMPLOYER_ACCOUNTS)
        run.accounts.employers.push({ email, userId, employerId: id, legalName });
    }
    if (rows.length >= SEEKERS_PER_CHUNK) {
      await run.writer.insert(Employer, rows);
      await run.writer.insert(User, users);
      rows = [];
      users = [];
    }
  }
  await run.writer.insert(Employer, rows);
  await run.writer.insert(User, users);
  run.log(`employers: ${opts.employers} (${employers.participating.length} taking part)`);
}

// ---------------------------------------------------------------------------------------------------
// Kind: seekers with their cards, the cards' 6-month reports, and employers' validations of them

/** Where each card falls in time, decided before any row is written so serials follow issue dates. */
interface CardPlan {
  seekers: number;
  /** Day of issue of the current card, or -1 while PENDING / after REJECTED. */
  currentIssue: Int32Array;
  /** Day of the online request of a card that was never issued. */
  requestDay: Int32Array;
  currentOutcome: Uint8Array;
  /** Day of issue of an earlier, expired card, or -1. */
  previousIssue: Int32Array;
  currentSerial: Int32Array;
  previousSerial: Int32Array;
  /** Index of the seeker's city in `geo.cities`: its office issues the seeker's cards. */
  city: Uint8Array;
  /** Highest serial used per city code and issue year (`1671|2025`), for card_serials. */
  lastSerial: Map<string, number>;
  existingYears: Set<string>;
}

const serialKey = (code: string, year: number) => `${code}|${year}`;

const OUTCOME = { ISSUED: 0, PENDING: 1, REJECTED: 2 } as const;

async function planCards(run: SeedRun): Promise<CardPlan> {
  const seekers = Math.max(1, Math.round(run.opts.cards / (1 + RENEWAL_SHARE)));
  const renewals = run.opts.cards - seekers;
  const plan: CardPlan = {
    seekers,
    currentIssue: new Int32Array(seekers).fill(-1),
    requestDay: new Int32Array(seekers).fill(-1),
    currentOutcome: new Uint8Array(seekers),
    previousIssue: new Int32Array(seekers).fill(-1),
    currentSerial: new Int32Array(seekers),
    previousSerial: new Int32Array(seekers),
    city: new Uint8Array(seekers),
    lastSerial: new Map(),
    existingYears: new Set(),
  };
  const { geo } = run;
  for (let i = 0; i < seekers; i++) plan.city[i] = geo.cityOf(run.opts.seed, 'seeker', i);
  for (let i = 0; i < seekers; i++) {
    const rng = rngFor(run.opts.seed, 'card-plan', i);
    const outcome = rng.weighted({ ISSUED: 96, PENDING: 3, REJECTED: 1 });
    plan.currentOutcome[i] = OUTCOME[outcome];
    let anchor: number;
    if (outcome === 'ISSUED') {
      anchor = plan.currentIssue[i] = run.today - rng.int(1, ISSUE_SPAN_DAYS);
    } else {
      anchor = plan.requestDay[i] = run.today - (outcome === 'PENDING' ? rng.int(1, 30) : rng.int(10, 700));
    }
    // Renewers: their earlier card ran its full two years before the current one began.
    if (i < renewals) plan.previousIssue[i] = dayOf(addMonths(dateOf(anchor), -24)) - rng.int(0, 200);
  }

  // Serials count up through each year in order of issue: a counting sort over days.
  const codes = geo.cities.map((c) => c.code);
  const rows: { region_code: string; year: number; last_serial: number }[] = await run.ds.query(
    `SELECT region_code, year, last_serial FROM card_serials WHERE region_code IN (${codes.map(() => '?').join(',')})`,
    codes,
  );
  for (const r of rows) {
    plan.lastSerial.set(serialKey(r.region_code, Number(r.year)), Number(r.last_serial));
    plan.existingYears.add(serialKey(r.region_code, Number(r.year)));
  }
  const first = run.today - ISSUE_SPAN_DAYS - 24 * 31 - 200;
  const perDay = new Int32Array(run.today - first + 1);
  const days = [plan.currentIssue, plan.previousIssue];
  for (const arr of days) for (let i = 0; i < seekers; i++) if (arr[i] >= 0) perDay[arr[i] - first]++;
  const startOfDay = new Int32Array(perDay.length + 1);
  for (let d = 0; d < perDay.length; d++) startOfDay[d + 1] = startOfDay[d] + perDay[d];
  const order = new Int32Array(startOfDay[perDay.length]);
  const fill = startOfDay.slice(0, perDay.length);
  // Slot s = 2i (current card of seeker i) or 2i + 1 (earlier card).
  for (let i = 0; i < seekers; i++) {
    for (let which = 0; which < 2; which++) {
      const day = days[which][i];
      if (day >= 0) order[fill[day - first]++] = 2 * i + which;
    }
  }
  for (let k = 0; k < order.length; k++) {
    const slot = order[k];
    const i = slot >> 1;
    const key = serialKey(geo.cities[plan.city[i]].code, Number(dateOf(days[slot & 1][i]).slice(0, 4)));
    const serial = (plan.lastSerial.get(key) ?? 0) + 1;
    if (serial > 999_999) throw new Error(`more than 999,999 cards in ${key}: lower --cards`);
    plan.lastSerial.set(key, serial);
    (slot & 1 ? plan.previousSerial : plan.currentSerial)[i] = serial;
  }
  return plan;
}

/** Rows of one chunk of seekers, written together (seekers before the cards that reference them). */
interface Chunk {
  seekers: Seeker[];
  cards: Card[];
  reports: CardReport[];
  validations: CardValidation[];
  placements: Placement[];
  events: LabourEvent[];
}

const emptyChunk = (): Chunk => ({ seekers: [], cards: [], reports: [], validations: [], placements: [], events: [] });

async function seedSeekersAndCards(run: SeedRun): Promise<void> {
  const started = Date.now();
  const plan = await planCards(run);
  const niks = new NikRegistry();
  const seq = run.seq;
  const sampleEvery = Math.max(1, Math.floor(plan.seekers / CARD_SAMPLE_SIZE));
  const seekerUsers: User[] = [];
  let chunk = emptyChunk();

  for (let i = 0; i < plan.seekers; i++) {
    const holder = seedHolder(run, plan, niks, seq, chunk, i);
    if (i % sampleEvery === 0) {
      for (const c of holder.numbered)
        if (run.accounts.cards.length < CARD_SAMPLE_SIZE * 1.2)
          run.accounts.cards.push({ cardNumber: c.display, nik: holder.nik, expected: c.expected });
    }
    if (holder.currentStatus === 'ACTIVE' && seekerUsers.length < KNOWN_SEEKER_ACCOUNTS) {
      const rng = rngFor(run.opts.seed, 'seeker-user', i);
      const userId = seededId(TAG.seekerUser, seekerUsers.length, rng);
      const email = `seeker${seekerUsers.length + 1}@seed.example.com`;
      seekerUsers.push(
        newUserRow({
          id: userId,
          email,
          passwordHash: run.opts.passwordHash,
          role: 'seeker',
          fullName: holder.fullName,
          seekerId: holder.seekerId,
          officeId: run.geo.cities[plan.city[i]].officeId,
          createdAt: holder.createdAt,
        }),
      );
      run.accounts.seekers.push({ email, userId, seekerId: holder.seekerId });
    }
    if (chunk.seekers.length >= SEEKERS_PER_CHUNK || i === plan.seekers - 1) {
      await run.writer.insert(Seeker, chunk.seekers);
      await run.writer.insert(Card, chunk.cards);
      await run.writer.insert(CardReport, chunk.reports);
      await run.writer.insert(CardValidation, chunk.validations);
      await run.writer.insert(Placement, chunk.placements);
      await run.writer.insert(LabourEvent, chunk.events);
      chunk = emptyChunk();
    }
    if ((i + 1) % 100_000 === 0)
      run.log(`seekers: ${i + 1} of ${plan.seekers} (${Math.round((i + 1) / ((Date.now() - started) / 1000))}/s)`);
  }
  await run.writer.insert(User, seekerUsers);
  await seedCardSerials(run, plan);
  await seedUnknownNumberChecks(run, seq);
  for (let k = 0; k < 50; k++)
    run.accounts.unusedCardNumbers.push(
      groupCardNumber(composeCardNumber(run.geo.main.code, Number(run.opts.today.slice(0, 4)), 999_950 + k)),
    );
}

interface HolderResult {
  seekerId: string;
  nik: string;
  fullName: string;
  createdAt: Date;
  currentStatus: CardStatus;
  numbered: { display: string; expected: 'VALID' | 'EXPIRED' | 'PLACED' | 'REVOKED' }[];
}

/** One job seeker: the person, their current card (and an earlier one for renewers), reports and checks. */
function seedHolder(
  run: SeedRun,
  plan: CardPlan,
  niks: NikRegistry,
  seq: Sequences,
  chunk: Chunk,
  i: number,
): HolderResult {
  const { opts } = run;
  const rng = rngFor(opts.seed, 'seeker', i);
  const city = run.geo.cities[plan.city[i]];
  const seekerId = seededId(TAG.seeker, i, rng);
  const firstDay =
    plan.previousIssue[i] >= 0
      ? plan.previousIssue[i]
      : plan.currentIssue[i] >= 0
        ? plan.currentIssue[i]
        : plan.requestDay[i];
  const person: PersonProfile = makePerson(rng, firstDay, niks, city);
  const nikHash = run.personal.lookupHash(person.nik);
  const registrar = rng.pick(city.officerIds);
  const createdAt = officeInstant(run, firstDay - rng.int(0, 3), rng);
  const numbered: HolderResult['numbered'] = [];
  let placedAt: Date | null = null;

  const holder: Holder = { index: i, seekerId, nikHash, person, registrar, city };
  if (plan.previousIssue[i] >= 0) {
    const card = issuedCard(run, rng, seq, chunk, holder, plan.previousIssue[i], plan.previousSerial[i], 'EXPIRED');
    numbered.push({ display: card.display, expected: 'EXPIRED' });
  }

  let currentStatus: CardStatus;
  if (plan.currentOutcome[i] === OUTCOME.ISSUED) {
    const day = plan.currentIssue[i];
    const expired = dayOf(cardTerm(dateOf(day)).expiresAt) < run.today;
    currentStatus = expired
      ? rng.weighted({ EXPIRED: 84, PLACED: 9, WITHDRAWN: 4, REVOKED: 3 })
      : rng.weighted({ ACTIVE: 84, PLACED: 9, WITHDRAWN: 4, REVOKED: 3 });
    const card = issuedCard(run, rng, seq, chunk, holder, day, plan.currentSerial[i], currentStatus);
    placedAt = card.placedAt;
    applicationsOf(run, rng, holder, card);
    // A withdrawn card is left out of the validation sample: what a check of it answers is issue 17's card side.
    if (currentStatus !== 'WITHDRAWN')
      numbered.push({
        display: card.display,
        expected: currentStatus === 'ACTIVE' ? 'VALID' : (currentStatus as 'EXPIRED' | 'PLACED' | 'REVOKED'),
      });
  } else {
    currentStatus = plan.currentOutcome[i] === OUTCOME.PENDING ? 'PENDING' : 'REJECTED';
    unissuedCard(run, rng, seq, chunk, holder, plan.requestDay[i], currentStatus);
  }

  chunk.seekers.push(
    newSeekerRow({
      id: seekerId,
      nikEncrypted: run.personal.encrypt(person.nik),
      nikHash,
      fullName: person.fullName,
      birthPlace: person.birthPlace,
      birthDate: person.birthDate,
      gender: person.gender,
      maritalStatus: person.maritalStatus,
      phone: person.phone,
      address: person.address,
      kecamatanCode: person.kecamatanCode,
      educationLevel: person.educationLevel,
      major: person.major,
      educationCode: seedEducationCode(seekerId, person.educationLevel, person.major),
      desiredOccupationCode: seedDesiredOccupation(seekerId),
      graduationYear: person.graduationYear,
      skills: person.skills,
      experience: person.experience,
      placedAt,
      createdBy: registrar,
      createdAt,
      updatedAt: placedAt ?? createdAt,
      officeId: city.officeId,
    }),
  );
  return { seekerId, nik: person.nik, fullName: person.fullName, createdAt, currentStatus, numbered };
}

/** The job seeker a card belongs to, as the card's rows and events need them. */
interface Holder {
  index: number;
  seekerId: string;
  nikHash: string;
  person: PersonProfile;
  registrar: string;
  /** Where the seeker lives: its office issues the cards. */
  city: SeedCity;
}

interface IssuedCard {
  display: string;
  placedAt: Date | null;
  issueDay: number;
  /** First day the card is no longer ACTIVE (placed, revoked, the day after expiry), or -1. */
  closedDay: number;
  /** Vacancy of the hire that placed the holder, or -1. */
  hiredVacancy: number;
}

/**
 * A card issued on `issueDay` that is now in `status`, with its reports, the checks employers ran, the
 * placement that closed it (matched to a vacancy of the hiring employer when one was open) and its
 * labour-market events: REGISTERED on the issue date, then PLACED on the hire day, REMOVED on the
 * expiry date (EXPIRED), the revocation day (REVOKED) or the day the holder withdrew (WITHDRAWN).
 */
function issuedCard(
  run: SeedRun,
  rng: Rng,
  seq: Sequences,
  chunk: Chunk,
  holder: Holder,
  issueDay: number,
  serial: number,
  status: CardStatus,
): IssuedCard {
  const { seekerId, nikHash, person, city } = holder;
  const term = cardTerm(dateOf(issueDay));
  const expiryDay = dayOf(term.expiresAt);
  const cardId = seededId(TAG.card, seq.card++, rng);
  const key = composeCardNumber(city.code, Number(term.issuedAt.slice(0, 4)), serial);
  const display = groupCardNumber(key);
  const lastActiveDay = Math.min(expiryDay, run.today - 1);

  // How the card left ACTIVE, if it did.
  let closedDay = -1;
  let closedAt: Date | null = null;
  let reason: string | null = null;
  let placement: { employerIndex: number | null; employerName: string; source: PlacementSource; day: number } | null =
    null;
  let hiredVacancy = -1;
  if (status === 'EXPIRED') {
    // The daily job runs just after midnight on the day after expiry.
    closedDay = expiryDay + 1;
    closedAt = dailyJobInstant(run, closedDay);
  } else if (status === 'PLACED' || status === 'REVOKED' || status === 'WITHDRAWN') {
    closedDay = Math.min(lastActiveDay, issueDay + rng.int(7, Math.max(7, lastActiveDay - issueDay)));
    closedAt = officeInstant(run, closedDay, rng);
    if (status === 'REVOKED') reason = rng.pick(REVOKE_REASONS);
    else if (status === 'WITHDRAWN') reason = rng.pick(WITHDRAW_REASONS);
    else {
      const { employers } = run;
      const viaEmployer = rng.chance(0.65);
      const j = rng.pick(employers.participating);
      placement = viaEmployer
        ? { employerIndex: j, employerName: employers.names[j], source: 'EMPLOYER', day: closedDay }
        : {
            employerIndex: null,
            employerName: `${rng.pick(['PT', 'CV', 'Toko', 'UD'])} ${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_WORDS)}`,
            source: 'SELF_REPORT',
            day: closedDay,
          };
    }
  }

  const walkIn = rng.chance(0.4);
  const decidedAt = officeInstant(run, issueDay, rng);
  const requestedAt = walkIn ? decidedAt : officeInstant(run, issueDay - rng.int(1, 10), rng);
  const reportsEnd = closedDay >= 0 ? Math.min(closedDay, run.today) : run.today;
  const { nextReportDue, lastReportAt } = reportsOf(
    run,
    rng,
    seq,
    chunk,
    city,
    cardId,
    term.issuedAt,
    term.expiresAt,
    reportsEnd,
  );

  chunk.cards.push(
    newCardRow({
      id: cardId,
      seekerId,
      status,
      cardNumber: key,
      cardNumberDisplay: display,
      activeNikHash: status === 'ACTIVE' ? nikHash : null,
      origin: walkIn ? 'WALK_IN' : 'REQUEST',
      issuedAt: term.issuedAt,
      expiresAt: term.expiresAt,
      nextReportDue,
      requestedAt,
      decidedAt,
      decidedBy: rng.pick(city.officerIds),
      statusReason: reason,
      closedAt,
      placementEmployerId: placement?.employerIndex != null ? run.employers.ids[placement.employerIndex] : null,
      placementEmployerName: placement?.employerName ?? null,
      placementStartDate: placement ? dateOf(placement.day) : null,
      placementSource: placement?.source ?? null,
      createdAt: requestedAt,
      updatedAt: closedAt ?? lastReportAt ?? decidedAt,
      officeId: city.officeId,
    }),
  );

  validationsOf(run, rng, seq, chunk, {
    cardId,
    display,
    issueDay,
    lastActiveDay: closedDay >= 0 ? Math.min(closedDay - 1, lastActiveDay) : lastActiveDay,
    status,
    closedDay,
    placement,
  });

  const { ledger } = run;
  // The IPK dimensions of the card's registration (the same codes the seeker row got).
  const dims = {
    educationCode: seedEducationCode(holder.seekerId, person.educationLevel, person.major) ?? undefined,
    occupation: kbjiMajorGroup(seedDesiredOccupation(holder.seekerId)),
  };
  ledger.seeker(chunk.events, rng, 'REGISTERED', cardId, person, term.issuedAt, decidedAt, dims, city.code);
  if (status === 'EXPIRED')
    ledger.seeker(chunk.events, rng, 'REMOVED', cardId, person, term.expiresAt, closedAt!, dims, city.code);
  if (status === 'REVOKED' || status === 'WITHDRAWN')
    ledger.seeker(chunk.events, rng, 'REMOVED', cardId, person, dateOf(closedDay), closedAt!, dims, city.code);
  if (placement) {
    // The event's id is drawn here, as before; it is written once the placement says its type and sector.
    const placedId = ledger.drawId(rng);
    const hire = recordPlacement(run, rng, seq, chunk, holder, { cardId, display, at: closedAt!, ...placement });
    hiredVacancy = hire.vacancy;
    ledger.seeker(
      chunk.events,
      placedId,
      'PLACED',
      cardId,
      person,
      dateOf(placement.day),
      closedAt!,
      { ...dims, ...hire.dims },
      city.code,
    );
  }
  return { display, placedAt: placement ? closedAt : null, issueDay, closedDay, hiredVacancy };
}

/**
 * The placement row of a card closed as PLACED. A hire the employer recorded goes to one of its
 * vacancies open that day when one suits (through an application, HIRED, counted in `filled`, with
 * the vacancy's FILLED event); otherwise it was a direct placement by card number. Self-reports were
 * typed in at the office on the seeker's word (recorded by an officer). Returns the vacancy or -1.
 */
function recordPlacement(
  run: SeedRun,
  rng: Rng,
  seq: Sequences,
  chunk: Chunk,
  holder: Holder,
  p: {
    cardId: string;
    display: string;
    at: Date;
    employerIndex: number | null;
    employerName: string;
    source: PlacementSource;
    day: number;
  },
): { vacancy: number; dims: FlowDimensions } {
  const plan = run.vacancies;
  const k =
    p.employerIndex === null
      ? -1
      : assignHire(
          plan,
          p.employerIndex,
          p.day,
          p.at,
          holder.person.gender,
          educationRank(holder.person.educationLevel),
        );
  let applicationRef: string | null = null;
  let filledId: string | null = null;
  if (k >= 0) {
    const applyDay = Math.max(plan.publishDay[k], p.day - rng.int(2, 20));
    applicationRef = applicationId(run, run.applications.add(holder.index, k, applyDay, p.day, p.at.getTime()));
    filledId = run.ledger.drawId(rng);
  }
  const template = k >= 0 ? VACANCY_TEMPLATES[plan.template[k]] : null;
  // Fields in column order: the id is drawn before the position.
  const placementId = seededId(TAG.placement, seq.placement++, rng);
  const employerId = p.employerIndex === null ? null : run.employers.ids[p.employerIndex];
  const facts = seedPlacementFacts(placementId, { viaVacancy: k >= 0, employerId, source: p.source });
  const vacancyDims =
    k >= 0
      ? {
          occupation: kbjiMajorGroup(VACANCY_TEMPLATES[plan.template[k]].occupationCode),
          sector: kbliSection(run.employers.kbli[plan.employer[k]]),
        }
      : null;
  if (k >= 0 && filledId) {
    const asked = { sex: ['ANY', 'L', 'P'][plan.gender[k]], education: VACANCY_EDUCATION(plan, k) };
    const vacancyOffice = run.geo.cities[run.employers.city[plan.employer[k]]].code;
    run.ledger.vacancy(
      chunk.events,
      filledId,
      'FILLED',
      plan.ids[k],
      asked,
      1,
      dateOf(p.day),
      p.at,
      { ...vacancyDims, placementId },
      vacancyOffice,
    );
  }
  chunk.placements.push(
    newPlacementRow({
      ...facts,
      id: placementId,
      seekerId: holder.seekerId,
      employerId,
      employerName: p.employerName,
      vacancyId: k >= 0 ? plan.ids[k] : null,
      applicationId: applicationRef,
      cardId: p.cardId,
      cardNumber: p.display,
      startDate: dateOf(p.day),
      position: template ? template.title : rng.chance(0.7) ? rng.pick(POSITIONS) : null,
      source: p.source,
      recordedBy: p.source === 'EMPLOYER' ? run.employers.userIds[p.employerIndex!] : holder.registrar,
      recordedAt: p.at,
    }),
  );
  const sector =
    vacancyDims?.sector ?? (p.employerIndex === null ? '-' : kbliSection(run.employers.kbli[p.employerIndex]));
  return {
    vacancy: k,
    dims: {
      sector,
      placementType: facts.placementType,
      employerKind: facts.employerKind,
      channel: k >= 0 ? 'V' : 'D',
      placementId,
    },
  };
}

const VACANCY_EDUCATION = (plan: SeedRun['vacancies'], k: number) => EDUCATION_LEVELS[plan.education[k]];

/**
 * Applications the holder made while the card was active: to vacancies open on the day, suiting
 * their sex and education, never twice to one vacancy. Outcomes are settled in writeApplications.
 */
function applicationsOf(run: SeedRun, rng: Rng, holder: Holder, card: IssuedCard): void {
  const lastDay = card.closedDay >= 0 ? card.closedDay - 1 : run.today - 1;
  if (lastDay < card.issueDay) return;
  const tries = Number(rng.weighted({ 0: 50, 1: 25, 2: 14, 3: 8, 5: 3 }));
  const placedDay = card.placedAt ? card.closedDay : -1;
  const eduRank = educationRank(holder.person.educationLevel);
  const chosen = new Set<number>(card.hiredVacancy >= 0 ? [card.hiredVacancy] : []);
  for (let t = 0; t < tries; t++) {
    const day = rng.int(card.issueDay, lastDay);
    const k = pickOpenVacancy(run.vacancies, day, rng, holder.person.gender, eduRank);
    if (k < 0 || chosen.has(k)) continue;
    chosen.add(k);
    run.applications.add(holder.index, k, day, placedDay, 0);
  }
}

/**
 * The holder's 6-month reports, made the way the service records them: a report on or after the due
 * date moves it to the next 6-month mark after that day. Some holders report on time, some late, some
 * never (their cards show `reportOverdue`).
 */
function reportsOf(
  run: SeedRun,
  rng: Rng,
  seq: Sequences,
  chunk: Chunk,
  city: SeedCity,
  cardId: string,
  issuedAt: string,
  expiresAt: string,
  endDay: number,
): { nextReportDue: string; lastReportAt: Date | null } {
  const habit = rng.weighted({ punctual: 55, late: 30, never: 15 });
  let due = cardTerm(issuedAt).nextReportDue;
  let lastReportAt: Date | null = null;
  if (habit === 'never') return { nextReportDue: due, lastReportAt };
  for (;;) {
    if (due >= expiresAt) break;
    const day = dayOf(due) + (habit === 'punctual' ? rng.int(0, 14) : rng.int(10, 150));
    if (day >= endDay) break;
    const reportedAt = officeInstant(run, day, rng);
    const after = nextReportMark(issuedAt, expiresAt, dateOf(day));
    const id = seededId(TAG.report, seq.report++, rng);
    chunk.reports.push(
      newCardReportRow({
        id,
        cardId,
        reportedAt,
        reportedBy: rng.chance(0.4) ? rng.pick(city.officerIds) : null,
        dueBefore: due,
        dueAfter: after,
      }),
    );
    lastReportAt = reportedAt;
    due = after;
  }
  return { nextReportDue: due, lastReportAt };
}

/**
 * Checks employers ran on a card: the hiring employer just before a hire it recorded, a few other
 * checks while the card was valid, and now and then one after it closed (answered with its status).
 */
function validationsOf(
  run: SeedRun,
  rng: Rng,
  seq: Sequences,
  chunk: Chunk,
  card: {
    cardId: string;
    display: string;
    issueDay: number;
    lastActiveDay: number;
    status: CardStatus;
    closedDay: number;
    placement: { employerIndex: number | null; day: number } | null;
  },
): void {
  const { employers } = run;
  const check = (j: number, day: number, result: ValidationResult) => {
    const id = seededId(TAG.validation, seq.validation++, rng);
    chunk.validations.push(
      newCardValidationRow({
        id,
        employerId: employers.ids[j],
        userId: employers.userIds[j],
        cardId: card.cardId,
        cardNumber: card.display,
        channel: 'NUMBER',
        result,
        checkedAt: officeInstant(run, day, rng),
      }),
    );
  };
  if (card.placement && card.placement.employerIndex !== null && rng.chance(0.7)) {
    check(card.placement.employerIndex, Math.max(card.issueDay, card.placement.day - rng.int(0, 5)), 'VALID');
  }
  if (card.lastActiveDay >= card.issueDay) {
    // Uniform over 0..2m, so about m checks per card on average (m from --validations).
    const others = Math.floor(rng.next() * (2 * extraChecksPerCard(run) + 1));
    for (let k = 0; k < others; k++)
      check(rng.pick(employers.participating), rng.int(card.issueDay, card.lastActiveDay), 'VALID');
  }
  if (card.closedDay >= 0 && card.closedDay < run.today && card.status !== 'WITHDRAWN' && rng.chance(0.03)) {
    check(rng.pick(employers.participating), rng.int(card.closedDay, run.today - 1), card.status as ValidationResult);
  }
}

/** Checks per card besides the hiring employer's, so that the total comes near `--validations`. */
function extraChecksPerCard(run: SeedRun): number {
  return Math.max(0, run.opts.validations / Math.max(1, run.opts.cards) - 0.15);
}

/** A card asked for online that was never issued: still PENDING, or REJECTED with a reason. */
function unissuedCard(
  run: SeedRun,
  rng: Rng,
  seq: Sequences,
  chunk: Chunk,
  holder: Pick<Holder, 'seekerId' | 'nikHash' | 'city'>,
  requestDay: number,
  status: 'PENDING' | 'REJECTED',
): void {
  const { seekerId, nikHash, city } = holder;
  const requestedAt = officeInstant(run, requestDay, rng);
  const decidedAt =
    status === 'REJECTED' ? officeInstant(run, Math.min(requestDay + rng.int(1, 5), run.today - 1), rng) : null;
  // Fields in column order: the id, then the officer, then the reason are drawn.
  chunk.cards.push(
    newCardRow({
      id: seededId(TAG.card, seq.card++, rng),
      seekerId,
      status,
      activeNikHash: status === 'PENDING' ? nikHash : null,
      origin: 'REQUEST',
      requestedAt,
      decidedAt,
      decidedBy: decidedAt ? rng.pick(city.officerIds) : null,
      statusReason: status === 'REJECTED' ? rng.pick(REJECT_REASONS) : null,
      updatedAt: decidedAt ?? requestedAt,
      officeId: city.officeId,
    }),
  );
}

/** Counters (per city code and year) move up to the highest serial seeded, so the next approval gets a fresh number. */
async function seedCardSerials(run: SeedRun, plan: CardPlan): Promise<void> {
  for (const [key, last] of [...plan.lastSerial].sort((a, b) => a[0].localeCompare(b[0]))) {
    const [regionCode, yearText] = key.split('|');
    const year = Number(yearText);
    if (plan.existingYears.has(key)) {
      await run.writer.execute(
        'UPDATE card_serials SET last_serial = ? WHERE region_code = ? AND year = ? AND last_serial < ?',
        [last, regionCode, year, last],
      );
    } else {
      const counter: CardSerial = { regionCode, year, lastSerial: last };
      await run.writer.insert(CardSerial, [counter]);
    }
  }
}

/** Checks of numbers that match no card (typos with a valid check digit, numbers from elsewhere): NOT_FOUND. */
async function seedUnknownNumberChecks(run: SeedRun, seq: Sequences): Promise<void> {
  const { employers } = run;
  const total = Math.round(run.opts.cards * 0.02);
  let rows: CardValidation[] = [];
  for (let k = 0; k < total; k++) {
    const rng = rngFor(run.opts.seed, 'unknown-check', k);
    const j = rng.pick(employers.participating);
    const day = run.today - rng.int(1, 730);
    const number = groupCardNumber(
      composeCardNumber(run.geo.main.code, Number(dateOf(day).slice(0, 4)), rng.int(990_000, 999_949)),
    );
    const id = seededId(TAG.validation, seq.validation++, rng);
    rows.push(
      newCardValidationRow({
        id,
        employerId: employers.ids[j],
        userId: employers.userIds[j],
        cardNumber: number,
        channel: 'NUMBER',
        result: 'NOT_FOUND',
        checkedAt: officeInstant(run, day, rng),
      }),
    );
    if (rows.length >= SEEKERS_PER_CHUNK) {
      await run.writer.insert(CardValidation, rows);
      rows = [];
    }
  }
  await run.writer.insert(CardValidation, rows);
}
