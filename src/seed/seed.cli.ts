import 'reflect-metadata';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { jakartaDate, isCalendarDate } from '../common/dates.js';
import { PersonalData } from '../common/personal-data.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { openDataSource } from '../database/data-source.js';
import { Passwords } from '../users/passwords.js';
import { OPEN_VACANCY_SHARE, SCALES, type Scale } from './options.js';
import { SEED_OFFICES, SEED_PROVINCE_CODE, type SeedOffices } from './offices.js';
import { runSeed } from './seed.js';

const USAGE = `Usage: npm run seed -- --scale city|province|national [--seed N] [--cards N] [--employers N]
                     [--vacancies N] [--open-vacancies N] [--validations N]
                     [--today YYYY-MM-DD] [--accounts-file PATH] [--password TEXT]
                     [--offices city|province]

Seeds the database configured by DB_TYPE / DB_PATH / DB_URL (migrating it first) with job seekers,
cards, employers, validations, vacancies, applications, placements and the labour-market history
behind the IPK reports. Vacancies and validations default to the scale's share per card. The same --seed and --today give the same data. Personal data is
sealed with DATA_KEY, so run the server with the same DATA_KEY. Login accounts and a sample of
(cardNumber, nik) pairs are written to --accounts-file (default data/seed-accounts.json).
--offices province (with REGION_CODE=16) makes province 16 (Sumatera Selatan) the first office and spreads
the rows over its 17 city offices, one officer each; the default is one city office (REGION_CODE).`;

/** Password of every seeded login account unless --password says otherwise (documented, not secret). */
const DEFAULT_PASSWORD = 'Seed-Passw0rd!';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'city' },
      seed: { type: 'string', default: '1' },
      cards: { type: 'string' },
      employers: { type: 'string' },
      vacancies: { type: 'string' },
      'open-vacancies': { type: 'string' },
      validations: { type: 'string' },
      today: { type: 'string' },
      'accounts-file': { type: 'string', default: 'data/seed-accounts.json' },
      password: { type: 'string', default: DEFAULT_PASSWORD },
      offices: { type: 'string', default: 'city' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!(values.scale! in SCALES))
    throw new ConfigError(`--scale must be city, province or national (got "${values.scale}").\n${USAGE}`);
  const scale = values.scale as Scale;
  if (!SEED_OFFICES.includes(values.offices as SeedOffices))
    throw new ConfigError(`--offices must be city or province (got "${values.offices}").\n${USAGE}`);
  const offices = values.offices as SeedOffices;
  const seed = wholeNumber('--seed', values.seed!);
  const cards = values.cards === undefined ? SCALES[scale].cards : wholeNumber('--cards', values.cards);
  const employers =
    values.employers === undefined ? SCALES[scale].employers : wholeNumber('--employers', values.employers);
  const perCard = (total: number) => Math.round((total * cards) / SCALES[scale].cards);
  const vacancies =
    values.vacancies === undefined ? perCard(SCALES[scale].vacancies) : wholeNumber('--vacancies', values.vacancies);
  const openVacancies =
    values['open-vacancies'] === undefined
      ? Math.round(vacancies * OPEN_VACANCY_SHARE)
      : wholeNumber('--open-vacancies', values['open-vacancies']);
  const validations =
    values.validations === undefined
      ? perCard(SCALES[scale].validations)
      : wholeNumber('--validations', values.validations);
  const today = values.today ?? jakartaDate(new Date());
  if (!isCalendarDate(today)) throw new ConfigError(`--today must be a date written YYYY-MM-DD (got "${today}").`);
  if (values.password!.length < 10)
    throw new ConfigError('--password must be at least 10 characters (the login rule).');

  const config = loadConfig();
  if (offices === 'province' && config.regionCode !== SEED_PROVINCE_CODE)
    throw new ConfigError(
      `--offices province seeds province ${SEED_PROVINCE_CODE} as the first office: run it with REGION_CODE=${SEED_PROVINCE_CODE}.`,
    );
  const started = Date.now();
  const ds = await openDataSource(config);
  try {
    // argon2 once: every seeded account shares the hash of the same password.
    const passwordHash = await new Passwords().hash(values.password!);
    const log = (line: string) =>
      process.stdout.write(`[seed ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);
    log(
      `${config.db.type}: scale ${scale}, offices ${offices}, seed ${seed}, ${cards} cards, ${employers} employers, ${vacancies} vacancies (${openVacancies} open), ~${validations} validations, data up to ${today}`,
    );
    const accountsFile = resolve(values['accounts-file']!);
    const accounts = await runSeed(
      ds,
      new PersonalData(config),
      {
        scale,
        seed,
        cards,
        employers,
        vacancies,
        openVacancies,
        validations,
        today,
        regionCode: config.regionCode,
        offices,
        accountsFile,
        password: values.password!,
        passwordHash,
      },
      log,
    );
    log(
      `done: ${Object.entries(accounts.counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
    log(`accounts and sample cards written to ${accountsFile} (password "${values.password}")`);
  } finally {
    await ds.destroy();
  }
}

function wholeNumber(flag: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${flag} must be a whole number (got "${raw}").`);
  return n;
}

main().catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof ConfigError ? err.message : `Seeding failed: ${(err as Error).stack ?? String(err)}`}\n`,
  );
  process.exit(1);
});
