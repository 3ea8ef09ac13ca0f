import PDFDocument from 'pdfkit';
import { formatDate } from '../console/i18n/format.js';
import { create as qrCreate, type QRCodeSegment } from 'qrcode';

/** The embedded font (decision 61): DejaVu Sans from the `dejavu-fonts-ttf` package, never a system font. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** Millimetres to PDF points. */
const mm = (v: number) => (v * 72) / 25.4;

/** ID-1 (ISO/IEC 7810): 85.6 × 54 mm. */
const CARD_W = mm(85.6);
const CARD_H = mm(54);
/** The QR's printed size, quiet zone included (≈ 22 mm). */
const QR_SIZE = mm(22);

const GENDER: Record<string, string> = { L: 'Laki-laki', P: 'Perempuan' };
const EDUCATION: Record<string, string> = { NONE: 'Tidak tamat SD' };

export interface CardPdfData {
  officeName: string;
  cardNumber: string;
  holder: {
    fullName: string;
    nik: string;
    birthPlace: string | null;
    birthDate: string | null;
    gender: string | null;
    educationLevel: string | null;
  };
  issuedAt: string;
  expiresAt: string;
  /** The JPEG or PNG of the holder's PAS_FOTO, or null (a placeholder box is drawn). */
  photo: Buffer | null;
  /** The QR's segments (the compact credential's link), or null when the card no longer verifies. */
  qr: QRCodeSegment[] | null;
  /** Three rows: the mark's due date, and the report's date and officer once made. */
  reports: { due: string; reportedAt: string | null; officer: string | null }[];
  placement: { employerName: string | null; startDate: string | null } | null;
  signingOfficer: { name: string; nip: string };
}

/** A calendar date or an instant as `6 Desember 2026` (an instant on its Asia/Jakarta day); `-` when absent. */
export function longDate(value: string | null): string {
  return value ? formatDate(value, 'id') : '-';
}

/** Draws the QR from its module matrix as vector squares (4-module quiet zone) into a box of `size` points. */
function drawQr(doc: PDFKit.PDFDocument, segments: QRCodeSegment[], x: number, y: number, size: number) {
  const qr = qrCreate(segments, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) doc.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell, cell);
    }
  }
  doc.fill('#000000').restore();
}

/**
 * The AK/I card as a PDF (decision 61): front and back at ID-1 size side by side on an A4 page, cut marks
 * around them; DejaVu Sans embedded; the photo as an image; the QR as vector squares.
 */
export function renderCardPdf(data: CardPdfData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    info: { Title: `Kartu AK/I ${data.cardNumber}`, Producer: 'AK1 platform' },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = mm(15);
  const top = mm(25);
  doc.font('bold').fontSize(11).fillColor('#000000');
  doc.text('Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/I)', left, mm(12));
  doc.font('body').fontSize(8).text('Cetak pada ukuran asli (100%), gunting di sepanjang garis.', left, mm(17));
  front(doc, data, left, top);
  back(doc, data, left + CARD_W + mm(8), top);
  doc.end();
  return done;
}

function frame(doc: PDFKit.PDFDocument, x: number, y: number) {
  doc.save().lineWidth(0.5).strokeColor('#555555').roundedRect(x, y, CARD_W, CARD_H, mm(3)).stroke().restore();
}

function front(doc: PDFKit.PDFDocument, d: CardPdfData, x: number, y: number) {
  frame(doc, x, y);
  const pad = mm(3);
  doc
    .font('bold')
    .fontSize(6.5)
    .text(d.officeName, x + pad, y + pad, { width: CARD_W - 2 * pad, align: 'center' });
  doc
    .font('bold')
    .fontSize(7)
    .text('KARTU TANDA BUKTI PENDAFTARAN PENCARI KERJA (AK/I)', x + pad, doc.y + 1, {
      width: CARD_W - 2 * pad,
      align: 'center',
    });
  doc
    .font('body')
    .fontSize(6.5)
    .text(`No. ${d.cardNumber}`, x + pad, doc.y + 1, { width: CARD_W - 2 * pad, align: 'center' });

  // Photo 3 × 4 (scaled to fit the card: 18 × 24 mm).
  const py = y + mm(15);
  const pw = mm(18);
  const ph = mm(24);
  if (d.photo) {
    doc.image(d.photo, x + pad, py, { fit: [pw, ph], align: 'center', valign: 'center' });
  } else {
    doc
      .save()
      .lineWidth(0.5)
      .dash(2, { space: 2 })
      .rect(x + pad, py, pw, ph)
      .stroke()
      .undash()
      .restore();
    doc
      .font('body')
      .fontSize(6)
      .text('Pas foto 3×4', x + pad, py + ph / 2 - 4, { width: pw, align: 'center' });
  }

  // The holder.
  const tx = x + pad + pw + mm(2);
  const tw = CARD_W - (tx - x) - QR_SIZE - pad - mm(1);
  const rows: [string, string][] = [
    ['Nama', d.holder.fullName],
    ['NIK', d.holder.nik],
    ['Tempat/Tgl lahir', `${d.holder.birthPlace ?? '-'}, ${longDate(d.holder.birthDate)}`],
    ['Jenis kelamin', d.holder.gender ? (GENDER[d.holder.gender] ?? d.holder.gender) : '-'],
    ['Pendidikan', d.holder.educationLevel ? (EDUCATION[d.holder.educationLevel] ?? d.holder.educationLevel) : '-'],
    ['Berlaku', `${longDate(d.issuedAt)} – ${longDate(d.expiresAt)}`],
  ];
  let ry = py;
  for (const [label, value] of rows) {
    doc.font('body').fontSize(4.8).fillColor('#444444').text(label, tx, ry, { width: tw });
    doc.font('bold').fontSize(5.6).fillColor('#000000').text(value, tx, doc.y, { width: tw });
    ry = doc.y + 0.8;
  }

  // The QR, at the right, ≈ 22 mm.
  const qx = x + CARD_W - pad - QR_SIZE + mm(1.5);
  const qy = y + CARD_H - QR_SIZE - mm(2);
  if (d.qr) drawQr(doc, d.qr, qx, qy, QR_SIZE);
  else {
    doc.save().lineWidth(0.5).rect(qx, qy, QR_SIZE, QR_SIZE).stroke().restore();
    doc
      .font('body')
      .fontSize(5)
      .text('Kartu tidak aktif', qx, qy + QR_SIZE / 2 - 3, { width: QR_SIZE, align: 'center' });
  }
}

function back(doc: PDFKit.PDFDocument, d: CardPdfData, x: number, y: number) {
  frame(doc, x, y);
  const pad = mm(3);
  const w = CARD_W - 2 * pad;
  doc
    .font('bold')
    .fontSize(6)
    .fillColor('#000000')
    .text('LAPORAN', x + pad, y + pad, { width: w });
  const cols = [mm(10), mm(28), w - mm(38)];
  let ry = doc.y + 1;
  const row = (cells: string[], font: 'body' | 'bold') => {
    let cx = x + pad;
    const h = mm(4.2);
    cells.forEach((cell, i) => {
      doc.save().lineWidth(0.4).rect(cx, ry, cols[i], h).stroke().restore();
      doc
        .font(font)
        .fontSize(5)
        .text(cell, cx + 1.5, ry + 2.5, { width: cols[i] - 3, lineBreak: false, ellipsis: true });
      cx += cols[i];
    });
    ry += h;
  };
  row(['Ke', 'Tanggal', 'Nama petugas'], 'bold');
  d.reports.forEach((r, i) =>
    row(
      [
        String(i + 1),
        r.reportedAt ? longDate(r.reportedAt) : `(${longDate(r.due)})`,
        r.reportedAt ? (r.officer ?? '-') : '',
      ],
      'body',
    ),
  );

  ry += mm(1.5);
  const employer = d.placement?.employerName ?? null;
  const start = d.placement?.startDate ?? null;
  doc.font('body').fontSize(5.5);
  doc.text(`Diterima bekerja di: ${employer ?? '..............................................'}`, x + pad, ry, {
    width: w,
  });
  doc.text(`TMT: ${start ? longDate(start) : '..............................'}`, x + pad, doc.y + 1, { width: w });

  const sx = x + CARD_W / 2;
  const sw = CARD_W / 2 - pad;
  doc
    .font('body')
    .fontSize(5.2)
    .text('Pejabat yang menandatangani,', sx, y + CARD_H - mm(15), { width: sw, align: 'center' });
  const nameY = y + CARD_H - mm(7);
  doc
    .font('bold')
    .fontSize(5.5)
    .text(d.signingOfficer.name || '( ................................ )', sx, nameY, {
      width: sw,
      align: 'center',
    });
  doc
    .font('body')
    .fontSize(5.2)
    .text(`NIP ${d.signingOfficer.nip || '..............................'}`, sx, doc.y, {
      width: sw,
      align: 'center',
    });
}
