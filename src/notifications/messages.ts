import { DEFAULT_OFFICE } from '../config/config.js';
import { formatDate, formatDateTime } from '../console/i18n/format.js';
import {
  ACCOUNT_MAIL_KINDS,
  NOTIFICATION_KINDS,
  type Lang,
  type MessageKind,
  type MessageParams,
  type RenderedMessage,
} from './notification-kinds.js';

/**
 * The words of every message, for every channel. Each kind has one text per language with numbered
 * placeholders (`{{1}}`, …) exactly as its WhatsApp template is registered in WhatsApp Business Manager
 * (docs/notifications.md lists them); the inbox and the email fill the same text in, so the three
 * channels say the same thing. The link is the template's last parameter.
 *
 * Texts come from the platform; only the values in placeholders come from people (a vacancy title, a
 * reason), and those are made single-line and clipped here, and escaped in the HTML.
 */

/** Longest inbox/email body; WhatsApp shows a few lines before "Read more". */
export const MAX_BODY_LENGTH = 600;
/** Longest user-given value in a message (a title, a reason). */
const MAX_VALUE_LENGTH = 200;
/** Longest campaign message in the inbox and WhatsApp (the email carries it whole). */
const MAX_OUTREACH_LENGTH = 400;

/** Account mails carry a secret link: email only, never WhatsApp (their template is empty, not registered). */
export const EMAIL_ONLY_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(ACCOUNT_MAIL_KINDS);

interface KindDefinition<K extends MessageKind> {
  /** WhatsApp template name; empty for the email-only kinds. */
  template: string;
  /** The console page it points to. */
  path: (p: MessageParams[K]) => string;
  /** The values of the placeholders, in order, already worded for the reader. */
  values: (p: MessageParams[K], lang: Lang) => string[];
  /** Title (inbox and email subject), text with placeholders, and the email button's label. */
  id: Wording<K>;
  en: Wording<K>;
  /** The email's body when it should say more than the inbox (a campaign's whole message). */
  emailBody?: (p: MessageParams[K], lang: Lang) => string;
  /**
   * One-tap answers the email offers as buttons instead of its one action (the inbox and WhatsApp keep
   * the one link, to a console page showing the same choices).
   */
  choices?: readonly Choice[];
}

interface Choice {
  path: string;
  id: string;
  en: string;
}

interface Wording<K extends MessageKind> {
  title: string | ((p: MessageParams[K]) => string);
  text: string;
  action: string;
}

type Definitions = { [K in MessageKind]: KindDefinition<K> };

const enc = encodeURIComponent;
/** A reason is followed by the text's own full stop: its own final punctuation goes (no "ulang.."). */
const clause = (s: string) => s.trim().replace(/[.!?…]+$/u, '');
const date = (value: string, lang: Lang) => formatDate(value, lang);

const VIEW_CARD = { id: 'Lihat kartu saya', en: 'View my card' };
const DOCUMENT_NAMES: Record<Lang, Record<string, string>> = {
  id: {
    KTP: 'KTP',
    IJAZAH: 'ijazah',
    SKL: 'surat keterangan lulus',
    TRANSKRIP: 'transkrip nilai',
    PAS_FOTO: 'pas foto',
    SURAT_DOMISILI: 'surat keterangan domisili',
    LAINNYA: 'dokumen lain',
  },
  en: {
    KTP: 'identity card (KTP)',
    IJAZAH: 'diploma',
    SKL: 'graduation letter',
    TRANSKRIP: 'transcript',
    PAS_FOTO: 'passport photo',
    SURAT_DOMISILI: 'domicile letter',
    LAINNYA: 'other document',
  },
};
const documentName = (type: string, lang: Lang) => DOCUMENT_NAMES[lang][type] ?? type;
const VIEW_APPLICATIONS = { id: 'Lihat lamaran saya', en: 'View my applications' };
const OPEN_COMPANY = { id: 'Buka akun perusahaan', en: 'Open the company account' };

/**
 * "Are you still looking for work?" (issue 17): the card reminders let the holder answer with one tap.
 * The inbox and WhatsApp link opens the page with the three choices; the email carries all three. Each
 * opens its form for the signed-in holder (or the sign-in page first, then the form).
 */
const STILL_LOOKING_PATH = '/saya/kartu/status';
const STILL_LOOKING_CHOICES: readonly Choice[] = [
  { path: '/saya/kartu/lapor', id: 'Masih mencari kerja', en: 'Still looking for work' },
  { path: '/saya/sudah-bekerja', id: 'Sudah bekerja', en: 'I have a job' },
  { path: '/saya/kartu/berhenti', id: 'Tidak lagi mencari kerja', en: 'No longer looking for work' },
];
const ANSWER = { id: 'Jawab di sini', en: 'Answer here' };
const STILL_LOOKING_QUESTION = {
  id: 'Apakah Anda masih mencari kerja, sudah bekerja, atau tidak lagi mencari kerja? Jawab dengan satu ketukan.',
  en: 'Are you still looking for work, have you found a job, or are you no longer looking? Answer with one tap.',
};

const DEFINITIONS: Definitions = {
  CARD_APPROVED: {
    template: 'ak1_card_approved',
    path: () => '/saya/kartu',
    values: (p, lang) => [p.cardNumber, date(p.validUntil, lang)],
    id: {
      title: 'Kartu AK1 Anda telah disetujui',
      text: 'Kartu AK1 Anda dengan nomor {{1}} telah disetujui dan berlaku sampai {{2}}. Anda dapat melihat dan mengunduh kartu melalui akun Anda.',
      action: VIEW_CARD.id,
    },
    en: {
      title: 'Your AK1 card has been approved',
      text: 'Your AK1 card number {{1}} has been approved and is valid until {{2}}. You can view and download it in your account.',
      action: VIEW_CARD.en,
    },
  },
  CARD_REJECTED: {
    template: 'ak1_card_rejected',
    path: () => '/saya/kartu',
    values: (p) => [clause(p.reason)],
    id: {
      title: 'Permohonan kartu AK1 belum dapat disetujui',
      text: 'Mohon maaf, permohonan kartu AK1 Anda belum dapat disetujui dengan alasan: {{1}}. Silakan lengkapi atau perbaiki data dan dokumen Anda, lalu ajukan kembali.',
      action: VIEW_CARD.id,
    },
    en: {
      title: 'Your AK1 card application was not approved',
      text: 'We are sorry, your AK1 card application could not be approved for this reason: {{1}}. Please complete or correct your details and documents, then apply again.',
      action: VIEW_CARD.en,
    },
  },
  DOCUMENT_REJECTED: {
    template: 'ak1_document_rejected',
    path: () => '/saya/kartu',
    values: (p, lang) => [documentName(p.documentType, lang), clause(p.reason)],
    id: {
      title: 'Dokumen Anda perlu diunggah ulang',
      text: 'Mohon maaf, dokumen {{1}} yang Anda unggah belum dapat diterima dengan alasan: {{2}}. Silakan unggah kembali dokumen tersebut melalui halaman kartu Anda.',
      action: VIEW_CARD.id,
    },
    en: {
      title: 'Please upload your document again',
      text: 'We are sorry, the {{1}} you uploaded could not be accepted for this reason: {{2}}. Please upload it again on your card page.',
      action: VIEW_CARD.en,
    },
  },
  CARD_REPORT_DUE: {
    template: 'ak1_card_report_due',
    path: () => STILL_LOOKING_PATH,
    values: (p, lang) => [p.cardNumber, date(p.dueDate, lang)],
    choices: STILL_LOOKING_CHOICES,
    id: {
      title: 'Saatnya melapor kartu AK1',
      text: `Kartu AK1 Anda dengan nomor {{1}} perlu dilaporkan paling lambat {{2}}. ${STILL_LOOKING_QUESTION.id}`,
      action: ANSWER.id,
    },
    en: {
      title: 'Your AK1 card report is due',
      text: `Your AK1 card number {{1}} needs to be reported by {{2}}. ${STILL_LOOKING_QUESTION.en}`,
      action: ANSWER.en,
    },
  },
  CARD_REPORT_OVERDUE: {
    template: 'ak1_card_report_overdue',
    path: () => STILL_LOOKING_PATH,
    values: (p, lang) => [p.cardNumber, date(p.dueDate, lang)],
    choices: STILL_LOOKING_CHOICES,
    id: {
      title: 'Laporan kartu AK1 Anda terlambat',
      text: `Batas waktu lapor kartu AK1 Anda dengan nomor {{1}} telah lewat pada {{2}}. ${STILL_LOOKING_QUESTION.id}`,
      action: ANSWER.id,
    },
    en: {
      title: 'Your AK1 card report is overdue',
      text: `The report for your AK1 card number {{1}} was due on {{2}}. ${STILL_LOOKING_QUESTION.en}`,
      action: ANSWER.en,
    },
  },
  CARD_EXPIRING: {
    template: 'ak1_card_expiring',
    path: () => STILL_LOOKING_PATH,
    values: (p, lang) => [p.cardNumber, date(p.expiresOn, lang)],
    choices: STILL_LOOKING_CHOICES,
    id: {
      title: 'Masa berlaku kartu AK1 Anda segera berakhir',
      text: `Kartu AK1 Anda dengan nomor {{1}} berlaku sampai {{2}}. ${STILL_LOOKING_QUESTION.id}`,
      action: ANSWER.id,
    },
    en: {
      title: 'Your AK1 card expires soon',
      text: `Your AK1 card number {{1}} is valid until {{2}}. ${STILL_LOOKING_QUESTION.en}`,
      action: ANSWER.en,
    },
  },
  CARD_PLACED: {
    template: 'ak1_card_placed',
    path: () => '/saya/kartu',
    values: (p, lang) => [p.cardNumber, p.employerName, date(p.startDate, lang)],
    id: {
      title: 'Selamat atas pekerjaan baru Anda',
      text: 'Kartu AK1 Anda dengan nomor {{1}} telah dicatat: Anda diterima bekerja di {{2}} mulai {{3}}. Semoga sukses di tempat kerja yang baru.',
      action: VIEW_CARD.id,
    },
    en: {
      title: 'Congratulations on your new job',
      text: 'Your AK1 card number {{1}} now records that you were placed with {{2}} from {{3}}. We wish you every success in your new job.',
      action: VIEW_CARD.en,
    },
  },
  APPLICATION_RECEIVED: {
    template: 'ak1_application_received',
    path: (p) => `/perusahaan/lowongan/${enc(p.vacancyId)}/pelamar`,
    values: (p) => [p.vacancyTitle],
    id: {
      title: 'Ada lamaran baru',
      text: 'Ada lamaran baru untuk lowongan {{1}}. Silakan tinjau pelamar melalui akun perusahaan Anda.',
      action: 'Lihat pelamar',
    },
    en: {
      title: 'A new application has arrived',
      text: 'A new application has arrived for your vacancy {{1}}. Please review the applicants in your company account.',
      action: 'View applicants',
    },
  },
  APPLICATION_SHORTLISTED: {
    template: 'ak1_application_shortlisted',
    path: () => '/saya/lamaran',
    values: (p) => [p.vacancyTitle, p.employerName],
    id: {
      title: 'Lamaran Anda masuk daftar pilihan',
      text: 'Kabar baik! Lamaran Anda untuk posisi {{1}} di {{2}} masuk daftar pilihan. Perusahaan akan menghubungi Anda untuk langkah berikutnya.',
      action: VIEW_APPLICATIONS.id,
    },
    en: {
      title: 'Your application has been shortlisted',
      text: 'Good news! Your application for {{1}} at {{2}} has been shortlisted. The company will contact you about the next steps.',
      action: VIEW_APPLICATIONS.en,
    },
  },
  APPLICATION_REJECTED: {
    template: 'ak1_application_rejected',
    path: () => '/saya/lamaran',
    values: (p) => [p.vacancyTitle, p.employerName],
    id: {
      title: 'Kabar tentang lamaran Anda',
      text: 'Terima kasih telah melamar posisi {{1}} di {{2}}. Mohon maaf, lamaran Anda belum dapat dilanjutkan. Tetap semangat, masih banyak lowongan lain yang dapat Anda lamar.',
      action: VIEW_APPLICATIONS.id,
    },
    en: {
      title: 'An update on your application',
      text: 'Thank you for applying for {{1}} at {{2}}. Unfortunately, your application will not be taken further. Keep going: there are many other vacancies you can apply for.',
      action: VIEW_APPLICATIONS.en,
    },
  },
  APPLICATION_CLOSED: {
    template: 'ak1_application_closed',
    path: () => '/saya/lamaran',
    values: (p, lang) => [
      p.vacancyTitle,
      p.employerName,
      p.because === 'PLACED_ELSEWHERE'
        ? lang === 'id'
          ? 'Anda telah diterima bekerja di tempat lain'
          : 'you have been placed in another job'
        : lang === 'id'
          ? 'lowongan ini sudah ditutup'
          : 'the vacancy has closed',
    ],
    id: {
      title: 'Lamaran Anda telah ditutup',
      text: 'Lamaran Anda untuk posisi {{1}} di {{2}} telah ditutup karena {{3}}. Terima kasih atas minat Anda.',
      action: VIEW_APPLICATIONS.id,
    },
    en: {
      title: 'Your application has been closed',
      text: 'Your application for {{1}} at {{2}} has been closed because {{3}}. Thank you for your interest.',
      action: VIEW_APPLICATIONS.en,
    },
  },
  APPLICATION_HIRED: {
    template: 'ak1_application_hired',
    path: () => '/saya/lamaran',
    values: (p, lang) => [p.vacancyTitle, p.employerName, date(p.startDate, lang)],
    id: {
      title: 'Selamat, Anda diterima bekerja',
      text: 'Selamat! Anda diterima untuk posisi {{1}} di {{2}} mulai {{3}}. Semoga sukses di tempat kerja yang baru.',
      action: VIEW_APPLICATIONS.id,
    },
    en: {
      title: 'Congratulations, you have been hired',
      text: 'Congratulations! You have been hired for {{1}} at {{2}}, starting {{3}}. We wish you every success in your new job.',
      action: VIEW_APPLICATIONS.en,
    },
  },
  EMPLOYER_VERIFIED: {
    template: 'ak1_employer_verified',
    path: () => '/perusahaan',
    values: (p) => [p.legalName],
    id: {
      title: 'Perusahaan Anda telah diverifikasi',
      text: 'Data {{1}} telah diverifikasi oleh petugas. Kini Anda dapat memasang lowongan dan menerima lamaran.',
      action: OPEN_COMPANY.id,
    },
    en: {
      title: 'Your company has been verified',
      text: 'The details of {{1}} have been verified by an officer. You can now post vacancies and receive applications.',
      action: OPEN_COMPANY.en,
    },
  },
  EMPLOYER_REJECTED: {
    template: 'ak1_employer_rejected',
    path: () => '/perusahaan',
    values: (p) => [p.legalName, clause(p.reason)],
    id: {
      title: 'Pendaftaran perusahaan belum dapat disetujui',
      text: 'Mohon maaf, pendaftaran {{1}} belum dapat disetujui dengan alasan: {{2}}. Silakan perbaiki data perusahaan Anda, lalu ajukan kembali.',
      action: OPEN_COMPANY.id,
    },
    en: {
      title: 'Your company registration was not approved',
      text: 'We are sorry, the registration of {{1}} could not be approved for this reason: {{2}}. Please correct your company details, then apply again.',
      action: OPEN_COMPANY.en,
    },
  },
  EMPLOYER_SUSPENDED: {
    template: 'ak1_employer_suspended',
    path: () => '/perusahaan',
    values: (p) => [p.legalName, clause(p.reason)],
    id: {
      title: 'Akun perusahaan Anda dibekukan sementara',
      text: 'Akun {{1}} dibekukan sementara dengan alasan: {{2}}. Selama dibekukan, lowongan Anda tidak ditampilkan. Silakan hubungi kantor kami untuk informasi lebih lanjut.',
      action: OPEN_COMPANY.id,
    },
    en: {
      title: 'Your company account has been suspended',
      text: 'The account of {{1}} has been suspended for this reason: {{2}}. While it is suspended, your vacancies are not shown. Please contact our office for more information.',
      action: OPEN_COMPANY.en,
    },
  },
  VACANCY_CLOSING: {
    template: 'ak1_vacancy_closing',
    path: (p) => `/perusahaan/lowongan/${enc(p.vacancyId)}/ubah`,
    values: (p, lang) => [p.vacancyTitle, date(p.closesOn, lang)],
    id: {
      title: 'Lowongan Anda segera ditutup',
      text: 'Lowongan {{1}} akan ditutup pada {{2}}. Jika Anda masih membutuhkan pelamar, Anda dapat memperpanjang tanggal penutupannya.',
      action: 'Ubah lowongan',
    },
    en: {
      title: 'Your vacancy closes soon',
      text: 'Your vacancy {{1}} closes on {{2}}. If you still need applicants, you can extend its closing date.',
      action: 'Edit the vacancy',
    },
  },
  VACANCY_OUTCOME: {
    template: 'ak1_vacancy_outcome',
    path: (p) => `/perusahaan/lowongan/${enc(p.vacancyId)}/hasil`,
    values: (p) => [p.vacancyTitle, String(p.filled), String(p.positions)],
    id: {
      title: 'Siapa yang Anda terima?',
      text: 'Lowongan {{1}} telah ditutup dengan {{2}} dari {{3}} posisi terisi. Jika Anda menerima pekerja untuk lowongan ini, mohon catat siapa yang Anda terima dan alasan posisi yang belum terisi. Data ini membantu kantor kami mengetahui hasil penempatan.',
      action: 'Catat hasil lowongan',
    },
    en: {
      title: 'Who did you hire?',
      text: 'Your vacancy {{1}} has closed with {{2}} of {{3}} positions filled. If you hired anyone for it, please record who you hired and why the other positions stayed open. This helps our office know the outcome of its placements.',
      action: 'Record the outcome',
    },
  },
  OUTREACH: {
    template: 'ak1_outreach',
    path: () => '/pemberitahuan',
    values: (p) => [p.title, p.message],
    id: {
      title: (p) => p.title,
      text: 'Informasi untuk perusahaan Anda: {{1}}\n\n{{2}}',
      action: 'Baca selengkapnya',
    },
    en: {
      title: (p) => p.title,
      text: 'Information for your company: {{1}}\n\n{{2}}',
      action: 'Read more',
    },
    emailBody: (p) => p.message,
  },
  PLACEMENT_VOIDED: {
    template: 'ak1_placement_voided',
    path: (p) => (p.audience === 'EMPLOYER' ? '/perusahaan/penempatan' : '/saya/kartu'),
    values: (p, lang) => [p.employerName, p.position || '-', date(p.startDate, lang)],
    id: {
      title: 'Pencatatan penempatan kerja dibatalkan',
      text: 'Pencatatan penempatan kerja di {{1}} untuk jabatan {{2}} mulai {{3}} telah dibatalkan karena tercatat secara keliru. Bagi pencari kerja, kartu AK1 kembali aktif selama masa berlakunya belum habis dan Anda dapat kembali melamar pekerjaan.',
      action: 'Lihat rinciannya',
    },
    en: {
      title: 'A recorded placement was voided',
      text: 'The placement recorded with {{1}} as {{2}} from {{3}} has been voided because it was recorded by mistake. For the job seeker, the AK1 card is active again while it is still valid, and you may apply for jobs again.',
      action: 'View the details',
    },
  },
  PASSWORD_RESET: {
    template: '',
    path: (p) => `/masuk/atur-ulang?token=${enc(p.token)}`,
    values: (p, lang) => [formatDateTime(p.expiresAt, lang)],
    id: {
      title: 'Atur ulang kata sandi akun AK1',
      text: 'Kami menerima permintaan untuk mengatur ulang kata sandi akun AK1 Anda. Tautan di bawah ini berlaku sampai {{1}}. Jika Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.',
      action: 'Atur ulang kata sandi',
    },
    en: {
      title: 'Reset your AK1 account password',
      text: 'We received a request to reset the password of your AK1 account. The link below is valid until {{1}}. If you did not ask for it, ignore this email; your password stays the same.',
      action: 'Reset the password',
    },
  },
  EMAIL_VERIFICATION: {
    template: '',
    path: (p) => `/akun/verifikasi-email?token=${enc(p.token)}`,
    values: () => [],
    id: {
      title: 'Konfirmasi alamat email Anda',
      text: 'Terima kasih telah mendaftar di layanan AK1. Mohon konfirmasi alamat email Anda dengan membuka tautan di bawah ini. Jika Anda tidak mendaftar, abaikan email ini.',
      action: 'Konfirmasi email',
    },
    en: {
      title: 'Confirm your email address',
      text: 'Thank you for registering with the AK1 service. Please confirm your email address by opening the link below. If you did not register, ignore this email.',
      action: 'Confirm the email address',
    },
  },
};

const FOOTER = {
  id: (office: string) =>
    `Pesan ini dikirim otomatis oleh ${office} melalui layanan AK1. Mohon tidak membalas email ini. Anda dapat mengatur pemberitahuan di akun Anda.`,
  en: (office: string) =>
    `This message was sent automatically by ${office} through the AK1 service. Please do not reply to this email. You can choose which notifications you receive in your account.`,
};
const OPEN_LABEL = { id: 'Buka', en: 'Open' };
/** The last line of every WhatsApp template. */
const SIGN_OFF = { id: '— Layanan AK1', en: '— AK1 service' };

/** One line, no tabs, no runs of spaces, at most `max` characters: what a WhatsApp template parameter accepts. */
export function singleLine(value: string, max: number = MAX_VALUE_LENGTH): string {
  const flat = value
    .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return clip(flat, max) || '–';
}

/** At most `max` UTF-16 units (as `.length` counts), never splitting a character, with an ellipsis when cut. */
function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  let out = '';
  for (const ch of value) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

function fill(text: string, values: readonly string[]): string {
  return text.replace(/\{\{(\d+)\}\}/g, (_, n: string) => values[Number(n) - 1] ?? '');
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The message of one kind for one reader. `linkBase` is the service's public address (no trailing
 * slash needed); `officeName` signs the email (config.office.name).
 */
export function renderMessage<K extends MessageKind>(
  kind: K,
  params: MessageParams[K],
  lang: Lang,
  linkBase: string,
  officeName: string = DEFAULT_OFFICE.name,
): RenderedMessage {
  const def = DEFINITIONS[kind] as KindDefinition<K> | undefined;
  if (!def) throw new Error(`renderMessage: unknown kind ${String(kind)}`);
  const wording = def[lang];
  const values = def
    .values(params, lang)
    .map((v, i) => singleLine(v, kind === 'OUTREACH' && i === 1 ? MAX_OUTREACH_LENGTH : MAX_VALUE_LENGTH));
  const link = `${linkBase.replace(/\/+$/, '')}${def.path(params)}`;
  const title = singleLine(typeof wording.title === 'function' ? wording.title(params) : wording.title, 120);
  const body = clip(fill(wording.text, values), MAX_BODY_LENGTH);
  const emailBody = def.emailBody ? def.emailBody(params, lang).trim() || body : body;
  const footer = FOOTER[lang](officeName);

  // The email's buttons: the one action, or the one-tap answers (each its own link).
  const base = linkBase.replace(/\/+$/, '');
  const buttons = def.choices
    ? def.choices.map((c) => ({ label: c[lang], link: `${base}${c.path}` }))
    : [{ label: wording.action, link }];
  const actions = buttons.map((b) => `${b.label}: ${b.link}`).join('\n');
  const text = `${emailBody}\n\n${actions}\n\n--\n${footer}\n`;
  const html = emailHtml({ lang, title, body: emailBody, buttons, link, footer });
  return {
    title,
    body,
    link,
    email: { subject: title, text, html },
    whatsapp: def.template ? { template: def.template, params: [...values, link] } : { template: '', params: [] },
  };
}

function emailHtml(m: {
  lang: Lang;
  title: string;
  body: string;
  buttons: { label: string; link: string }[];
  link: string;
  footer: string;
}) {
  const paragraphs = m.body
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 16px 0">${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const href = escapeHtml(m.link);
  return (
    `<!DOCTYPE html><html lang="${m.lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(m.title)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f3f4f6">` +
    `<div style="max-width:560px;margin:0 auto;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111827">` +
    `<div style="background:#ffffff;border-radius:8px;padding:24px">` +
    `<h1 style="font-size:20px;line-height:1.3;margin:0 0 16px 0">${escapeHtml(m.title)}</h1>` +
    paragraphs +
    m.buttons
      .map(
        (b, i) =>
          `<p style="margin:${i === 0 ? 24 : 0}px 0 ${i === m.buttons.length - 1 ? 24 : 12}px 0"><a href="${escapeHtml(b.link)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:bold">${escapeHtml(b.label)}</a></p>`,
      )
      .join('') +
    `<p style="margin:0;font-size:13px;color:#4b5563;word-break:break-all">${escapeHtml(OPEN_LABEL[m.lang])}: <a href="${href}" style="color:#1d4ed8">${href}</a></p>` +
    `</div>` +
    `<p style="margin:16px 0 0 0;font-size:12px;color:#6b7280">${escapeHtml(m.footer)}</p>` +
    `</div></body></html>`
  );
}

/** A WhatsApp template as it is registered in WhatsApp Business Manager: its text, the link last. */
export interface WhatsAppTemplate {
  kind: MessageKind;
  name: string;
  lang: Lang;
  /** The body with `{{1}}`…; the last placeholder is the link. */
  text: string;
  /** How many body parameters a send carries. */
  parameterCount: number;
}

/** Every template to register (the email-only kinds have none), for the docs and the WhatsApp stand-in. */
export function whatsappTemplates(): WhatsAppTemplate[] {
  const out: WhatsAppTemplate[] = [];
  for (const kind of NOTIFICATION_KINDS) {
    const def = DEFINITIONS[kind] as KindDefinition<typeof kind>;
    for (const lang of ['id', 'en'] as const) {
      const count = (def[lang].text.match(/\{\{\d+\}\}/g) ?? []).length;
      out.push({
        kind,
        name: def.template,
        lang,
        // Meta refuses a template that ends with a placeholder: the sign-off closes it.
        text: `${def[lang].text}\n\n${def[lang].action}: {{${count + 1}}}\n\n${SIGN_OFF[lang]}`,
        parameterCount: count + 1,
      });
    }
  }
  return out;
}
