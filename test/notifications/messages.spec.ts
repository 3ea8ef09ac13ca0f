import {
  ACCOUNT_MAIL_KINDS,
  NOTIFICATION_KINDS,
  type Lang,
  type MessageKind,
  type MessageParams,
} from '../../src/notifications/notification-kinds';
import { EMAIL_ONLY_KINDS, MAX_BODY_LENGTH, renderMessage, whatsappTemplates } from '../../src/notifications/messages';

const LINK_BASE = 'https://ak1.example.go.id';
const LANGS: Lang[] = ['id', 'en'];
const ALL_KINDS: MessageKind[] = [...NOTIFICATION_KINDS, ...ACCOUNT_MAIL_KINDS];

/** Ordinary values for every kind. */
const PLAIN: MessageParams = {
  CARD_APPROVED: { cardNumber: '1671-2027-000123', validUntil: '2027-01-12' },
  CARD_REJECTED: { reason: 'Foto KTP tidak terbaca' },
  CARD_REPORT_DUE: { cardNumber: '1671-2027-000123', dueDate: '2027-01-12' },
  CARD_REPORT_OVERDUE: { cardNumber: '1671-2027-000123', dueDate: '2027-01-12' },
  CARD_EXPIRING: { cardNumber: '1671-2027-000123', expiresOn: '2027-01-12' },
  CARD_PLACED: { cardNumber: '1671-2027-000123', employerName: 'PT Sriwijaya Maju', startDate: '2027-01-12' },
  DOCUMENT_REJECTED: { documentType: 'KTP', reason: 'Foto KTP buram' },
  APPLICATION_RECEIVED: { vacancyId: 'vac-1', vacancyTitle: 'Operator Produksi' },
  APPLICATION_SHORTLISTED: { vacancyTitle: 'Operator Produksi', employerName: 'PT Sriwijaya Maju' },
  APPLICATION_REJECTED: { vacancyTitle: 'Operator Produksi', employerName: 'PT Sriwijaya Maju' },
  APPLICATION_CLOSED: {
    vacancyTitle: 'Operator Produksi',
    employerName: 'PT Sriwijaya Maju',
    because: 'VACANCY_CLOSED',
  },
  APPLICATION_HIRED: { vacancyTitle: 'Operator Produksi', employerName: 'PT Sriwijaya Maju', startDate: '2027-01-12' },
  EMPLOYER_VERIFIED: { legalName: 'PT Sriwijaya Maju' },
  EMPLOYER_REJECTED: { legalName: 'PT Sriwijaya Maju', reason: 'NIB tidak sesuai' },
  EMPLOYER_SUSPENDED: { legalName: 'PT Sriwijaya Maju', reason: 'Lowongan menyesatkan' },
  VACANCY_CLOSING: { vacancyId: 'vac-1', vacancyTitle: 'Operator Produksi', closesOn: '2027-01-12' },
  VACANCY_OUTCOME: { vacancyId: 'vac-1', vacancyTitle: 'Operator Produksi', positions: 3, filled: 1 },
  OUTREACH: { title: 'Pasar kerja Januari', message: 'Mari ikut bursa kerja.\n\nTempat terbatas.' },
  PLACEMENT_VOIDED: {
    audience: 'EMPLOYER',
    employerName: 'PT Sriwijaya Maju',
    startDate: '2027-01-12',
    position: 'Kasir',
  },
  PASSWORD_RESET: { token: 'tok-abc', expiresAt: '2027-01-12T08:00:00.000Z' },
  EMAIL_VERIFICATION: { token: 'tok-abc' },
};

const HOSTILE = '<script>alert("x")</script> & \'quoted\'\n\tline\r\nbreak          spaces ' + '😀'.repeat(700);

/** The free texts people write (names, titles, reasons, a campaign's message). */
const freeTexts = (kind: MessageKind) => Object.keys(PLAIN[kind]).filter((k) => /title|name|reason|message/i.test(k));

/** The same kinds with every free text hostile: markup, line breaks, tabs, runs of spaces, great length. */
function hostile(kind: MessageKind): MessageParams[MessageKind] {
  const p = { ...(PLAIN[kind] as Record<string, string>) };
  for (const key of freeTexts(kind)) p[key] = HOSTILE;
  return p as unknown as MessageParams[MessageKind];
}

const EXPECTED_PATHS: Record<MessageKind, string> = {
  CARD_APPROVED: '/saya/kartu',
  CARD_REJECTED: '/saya/kartu',
  CARD_REPORT_DUE: '/saya/kartu/status',
  CARD_REPORT_OVERDUE: '/saya/kartu/status',
  CARD_EXPIRING: '/saya/kartu/status',
  CARD_PLACED: '/saya/kartu',
  DOCUMENT_REJECTED: '/saya/kartu',
  APPLICATION_RECEIVED: '/perusahaan/lowongan/vac-1/pelamar',
  APPLICATION_SHORTLISTED: '/saya/lamaran',
  APPLICATION_REJECTED: '/saya/lamaran',
  APPLICATION_CLOSED: '/saya/lamaran',
  APPLICATION_HIRED: '/saya/lamaran',
  EMPLOYER_VERIFIED: '/perusahaan',
  EMPLOYER_REJECTED: '/perusahaan',
  EMPLOYER_SUSPENDED: '/perusahaan',
  VACANCY_CLOSING: '/perusahaan/lowongan/vac-1/ubah',
  VACANCY_OUTCOME: '/perusahaan/lowongan/vac-1/hasil',
  OUTREACH: '/pemberitahuan',
  PLACEMENT_VOIDED: '/perusahaan/penempatan',
  PASSWORD_RESET: '/masuk/atur-ulang?token=tok-abc',
  EMAIL_VERIFICATION: '/akun/verifikasi-email?token=tok-abc',
};

/** The card reminders answer "are you still looking for work?" with one tap (issue 17). */
const ONE_TAP_KINDS: MessageKind[] = ['CARD_REPORT_DUE', 'CARD_REPORT_OVERDUE', 'CARD_EXPIRING'];
const ONE_TAP_PATHS = ['/saya/kartu/lapor', '/saya/sudah-bekerja', '/saya/kartu/berhenti'];

const render = (kind: MessageKind, params: unknown, lang: Lang) =>
  renderMessage(kind, params as MessageParams[typeof kind], lang, LINK_BASE, 'Dinas Tenaga Kerja Kota Palembang');

describe('renderMessage', () => {
  const cases = ALL_KINDS.flatMap((kind) => LANGS.map((lang) => [kind, lang] as const));

  it.each(cases)('%s in %s: every part written, the link absolute, WhatsApp rules kept', (kind, lang) => {
    for (const params of [PLAIN[kind], hostile(kind)]) {
      const m = render(kind, params, lang);
      expect(m.title.trim()).not.toBe('');
      expect(m.title).not.toMatch(/\n/);
      expect(m.body.trim()).not.toBe('');
      expect(m.body.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
      expect(m.link).toBe(`${LINK_BASE}${EXPECTED_PATHS[kind]}`);
      expect(m.email.subject).toBe(m.title);
      if (ONE_TAP_KINDS.includes(kind))
        for (const path of ONE_TAP_PATHS) expect(m.email.text).toContain(LINK_BASE + path);
      else expect(m.email.text).toContain(m.link);
      expect(m.email.text).toContain('Dinas Tenaga Kerja Kota Palembang');
      expect(m.email.html).toContain(`href="${m.link}"`);
      // No placeholder left, no raw code or "undefined".
      for (const text of [m.title, m.body, m.email.text, m.email.html]) {
        expect(text).not.toMatch(/\{\{\d+\}\}|undefined|null|NaN|VACANCY_CLOSED|PLACED_ELSEWHERE|\[object/);
      }
      if (EMAIL_ONLY_KINDS.has(kind)) {
        expect(m.whatsapp).toEqual({ template: '', params: [] });
      } else {
        expect(m.whatsapp.template).toMatch(/^ak1_[a-z_]+$/);
        expect(m.whatsapp.params.at(-1)).toBe(m.link);
        for (const p of m.whatsapp.params) {
          expect(p.trim()).not.toBe('');
          expect(p).not.toMatch(/[\n\t]| {5,}/);
          expect(p.length).toBeLessThanOrEqual(1024);
        }
      }
    }
  });

  it.each(cases)('%s in %s: user text is escaped in the HTML', (kind, lang) => {
    const m = render(kind, hostile(kind), lang);
    expect(m.email.html).not.toContain('<script>');
    expect(m.email.html).not.toContain('"x")');
    if (freeTexts(kind).length > 0) expect(m.email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)');
  });

  it.each(ONE_TAP_KINDS.flatMap((kind) => LANGS.map((lang) => [kind, lang] as const)))(
    '%s in %s: three one-tap answers in the email, one link (the page of the choices) in the inbox and WhatsApp',
    (kind, lang) => {
      const m = render(kind, PLAIN[kind], lang);
      const labels =
        lang === 'id'
          ? ['Masih mencari kerja', 'Sudah bekerja', 'Tidak lagi mencari kerja']
          : ['Still looking for work', 'I have a job', 'No longer looking for work'];
      ONE_TAP_PATHS.forEach((path, i) => {
        expect(m.email.text).toContain(`${labels[i]}: ${LINK_BASE}${path}`);
        expect(m.email.html).toContain(`href="${LINK_BASE}${path}"`);
        expect(m.email.html).toContain(`>${labels[i]}</a>`);
      });
      expect(m.link).toBe(`${LINK_BASE}/saya/kartu/status`);
      expect(m.whatsapp.params).toEqual([
        (PLAIN[kind] as { cardNumber: string }).cardNumber,
        expect.any(String),
        m.link,
      ]);
      expect(m.body).toMatch(lang === 'id' ? /masih mencari kerja/ : /still looking for work/);
    },
  );

  it('writes dates as "12 Januari 2027" and in English "12 January 2027"', () => {
    expect(render('CARD_APPROVED', PLAIN.CARD_APPROVED, 'id').body).toContain('12 Januari 2027');
    expect(render('CARD_APPROVED', PLAIN.CARD_APPROVED, 'en').body).toContain('12 January 2027');
    expect(render('PASSWORD_RESET', PLAIN.PASSWORD_RESET, 'id').body).toContain('12 Januari 2027 15.00 WIB');
  });

  it('words why an application closed, in each language', () => {
    const placed = { ...PLAIN.APPLICATION_CLOSED, because: 'PLACED_ELSEWHERE' as const };
    expect(render('APPLICATION_CLOSED', placed, 'id').body).toContain('diterima bekerja di tempat lain');
    expect(render('APPLICATION_CLOSED', PLAIN.APPLICATION_CLOSED, 'id').body).toContain('lowongan ini sudah ditutup');
    expect(render('APPLICATION_CLOSED', placed, 'en').body).toContain('placed in another job');
  });

  it('Indonesian and English differ, and the email carries a whole campaign message', () => {
    const id = render('CARD_APPROVED', PLAIN.CARD_APPROVED, 'id');
    const en = render('CARD_APPROVED', PLAIN.CARD_APPROVED, 'en');
    expect(id.body).not.toBe(en.body);
    expect(id.body).toContain('Anda');
    const outreach = render('OUTREACH', PLAIN.OUTREACH, 'id');
    expect(outreach.email.text).toContain('Mari ikut bursa kerja.\n\nTempat terbatas.');
  });

  it('encodes ids and tokens in links and tolerates a trailing slash in linkBase', () => {
    const m = renderMessage(
      'PASSWORD_RESET',
      { token: 'a b&c', expiresAt: '2027-01-12T08:00:00Z' },
      'id',
      `${LINK_BASE}/`,
    );
    expect(m.link).toBe(`${LINK_BASE}/masuk/atur-ulang?token=a%20b%26c`);
    const v = renderMessage('APPLICATION_RECEIVED', { vacancyId: '../x', vacancyTitle: 'T' }, 'id', LINK_BASE);
    expect(v.link).toBe(`${LINK_BASE}/perusahaan/lowongan/..%2Fx/pelamar`);
  });

  it('leaves no kind unhandled, and registers one template per kind and language', () => {
    const templates = whatsappTemplates();
    expect(templates).toHaveLength(NOTIFICATION_KINDS.length * 2);
    expect(new Set(templates.map((t) => t.name)).size).toBe(NOTIFICATION_KINDS.length);
    for (const t of templates) {
      const m = render(t.kind, PLAIN[t.kind], t.lang);
      expect(m.whatsapp.template).toBe(t.name);
      expect(m.whatsapp.params).toHaveLength(t.parameterCount);
      // Meta refuses a template that starts or ends with a placeholder.
      expect(t.text).not.toMatch(/^\{\{|\}\}$/);
    }
    expect(() => render('NO_SUCH_KIND' as MessageKind, {}, 'id')).toThrow();
  });
});

describe('reasons inside a sentence', () => {
  it('does not double the full stop after a reason that ends with one', () => {
    const m = renderMessage(
      'CARD_REJECTED',
      { reason: 'Foto kurang jelas, mohon unggah ulang.' },
      'id',
      'https://ak1.test',
    );
    expect(m.body).toContain('mohon unggah ulang. ');
    expect(m.body).not.toContain('..');
    expect(m.email.text).not.toContain('ulang..');
  });
});
