import ExcelJS from 'exceljs';
import type { SexCells } from './ipk-report.js';
import {
  FLOW_COLUMNS,
  flowCells,
  flowHeading,
  formLines,
  IKHTISAR_TITLE,
  indonesianDate,
  indonesianMonth,
  PLACEMENT_TITLE,
  shortChecksum,
  STOCK_FORMS,
  sumCells,
  type CodedRow,
  type StockCellsLike,
  type StockFormNo,
} from './ipk-forms.js';

/**
 * An IPK table as an Excel workbook laid out like the official form (Kepdirjen Binapenta 268/2012):
 * the form number top right, the title, the office and the month, the header rows as on paper (flow
 * columns 1, 2, A, 3, 4, B, 5 each split L / P / L+P), one line per row, the total, and for a closed
 * month the line with its closing date and checksum. Figures are numbers; A4 landscape, fit to width.
 */
export async function ipkWorkbook(table: string, report: Record<string, unknown>, officeName: string) {
  const wb = new ExcelJS.Workbook();
  wb.creator = officeName;
  const ws = wb.addWorksheet(`IPK III-${table}`, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  const sheet = new FormSheet(ws);
  const head = report as { year: number; month: number; closedAt: string | null; checksum: string | null };
  if (table === '1') ikhtisar(sheet, report, officeName, head);
  else if (table === '8') placements(sheet, report, officeName, head);
  else stock(sheet, STOCK_FORMS[table as StockFormNo], report, officeName, head);
  sheet.footer(head);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Head = { year: number; month: number; closedAt: string | null; checksum: string | null };
const SEXES = ['L', 'P', 'L+P'];
const THIN = { style: 'thin' as const };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A worksheet written line by line, `width` columns wide. */
class FormSheet {
  row = 1;
  width = 1;
  constructor(readonly ws: ExcelJS.Worksheet) {}

  /** Form number, title, office and month. */
  titleBlock(formNo: string, title: string, officeName: string, head: Head, width: number): void {
    this.width = width;
    const no = this.ws.getCell(this.row, width);
    no.value = formNo;
    no.font = { bold: true, size: 12 };
    no.alignment = { horizontal: 'right' };
    this.row++;
    this.merged(this.row, 1, this.row, width, title.toUpperCase(), { bold: true, size: 13 }, 'center');
    this.row++;
    this.merged(this.row, 1, this.row, width, `Kantor: ${officeName}`, {}, 'left');
    this.row++;
    this.merged(this.row, 1, this.row, width, `Bulan: ${indonesianMonth(head.month)} ${head.year}`, {}, 'left');
    this.row += 2;
  }

  section(text: string): void {
    this.merged(this.row, 1, this.row, this.width, text, { bold: true }, 'left');
    this.row++;
  }

  /** A header cell spanning rows r1..r2 and columns c1..c2, boxed and centred. */
  header(r1: number, c1: number, r2: number, c2: number, text: string): void {
    if (r1 !== r2 || c1 !== c2) this.ws.mergeCells(r1, c1, r2, c2);
    const cell = this.ws.getCell(r1, c1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) this.ws.getCell(r, c).border = BOX;
  }

  /** A body line: text cells then numbers, bold for subtotals and the total. */
  line(texts: (string | number | null)[], numbers: number[], opts: { bold?: boolean; indent?: number } = {}): void {
    const values = [...texts, ...numbers];
    values.forEach((v, i) => {
      const cell = this.ws.getCell(this.row, i + 1);
      cell.value = v;
      cell.border = BOX;
      if (opts.bold) cell.font = { bold: true };
      if (i >= texts.length) cell.numFmt = '#,##0';
      else if (i === texts.length - 1 && opts.indent) cell.alignment = { indent: opts.indent };
    });
    this.row++;
  }

  footer(head: Head): void {
    this.row++;
    const text = head.closedAt
      ? `Ditutup ${indonesianDate(head.closedAt)}, checksum ${shortChecksum(head.checksum ?? '')}…`
      : 'Bulan ini belum ditutup: angka masih dapat berubah.';
    this.merged(this.row, 1, this.row, this.width, text, { italic: true }, 'left');
    if (head.checksum) this.ws.getCell(this.row, 1).note = `SHA-256: ${head.checksum}`;
    this.row++;
  }

  widths(widths: number[]): void {
    widths.forEach((w, i) => (this.ws.getColumn(i + 1).width = w));
  }

  private merged(
    r1: number,
    c1: number,
    r2: number,
    c2: number,
    text: string,
    font: Partial<ExcelJS.Font>,
    horizontal: 'left' | 'center',
  ): void {
    if (c2 > c1) this.ws.mergeCells(r1, c1, r2, c2);
    const cell = this.ws.getCell(r1, c1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal, vertical: 'middle', wrapText: horizontal === 'center' };
  }
}

/** A level's name: the label of its own row (the level alone), else its code. */
const levelLabel = (rows: CodedRow[], level: string) => rows.find((x) => x.code === level)?.label ?? level;

const cellsOf = (list: SexCells[]): number[] => list.flatMap((c) => [c.L, c.P, c.LP]);

type StockRowLike = CodedRow & StockCellsLike;

/** III/2–III/7: No., code, the grouping, then the seven flow columns × L, P, L+P. */
function stock(
  s: FormSheet,
  form: (typeof STOCK_FORMS)[StockFormNo],
  r: Record<string, unknown>,
  office: string,
  head: Head,
) {
  const width = 3 + FLOW_COLUMNS.length * 3;
  s.titleBlock(`IPK III/${form.no}`, form.title, office, head, width);
  const top = s.row;
  s.header(top, 1, top + 2, 1, 'No.');
  s.header(top, 2, top + 2, 2, 'Kode');
  s.header(top, 3, top + 2, 3, form.grouping);
  FLOW_COLUMNS.forEach((f, i) => {
    const c = 4 + i * 3;
    s.header(top, c, top, c + 2, flowHeading(f.key, form.out));
    s.header(top + 1, c, top + 1, c + 2, f.code);
    SEXES.forEach((x, j) => s.header(top + 2, c + j, top + 2, c + j, x));
  });
  s.row = top + 3;
  const rows = (r.rows ?? []) as StockRowLike[];
  const levels = r.levels as StockRowLike[] | undefined;
  const sum = (list: StockRowLike[], level: string) =>
    sumCells(list, level, levelLabel(list, level), ['carriedOver', 'registered', form.out, 'removed', 'remaining']);
  let no = 0;
  for (const line of formLines(rows, levels, form.education, sum)) {
    const detail = line.kind === 'detail';
    const label = detail && line.row.code === line.row.level ? `${line.row.label} (tanpa kode rinci)` : line.row.label;
    s.line([detail ? null : ++no, line.row.code, label], cellsOf(flowCells(line.row)), {
      bold: line.kind === 'level',
      indent: detail ? 2 : 0,
    });
  }
  s.line([null, null, 'Jumlah'], cellsOf(flowCells(r.total as StockCellsLike)), { bold: true });
  s.widths([5, 8, 42, ...Array<number>(FLOW_COLUMNS.length * 3).fill(7)]);
}

const AGE_BANDS = ['15-19', '20-29', '30-44', '45-54', '55+'];
const SEEKER_LINES: [string, string, string][] = [
  ['carriedOver', '1', 'Pencari kerja yang belum ditempatkan pada akhir bulan lalu'],
  ['registered', '2', 'Pencari kerja yang terdaftar dalam bulan ini'],
  ['A', 'A', 'Jumlah (1 + 2)'],
  ['placed', '3', 'Pencari kerja yang ditempatkan dalam bulan ini'],
  ['removed', '4', 'Pencari kerja yang dihapuskan dalam bulan ini'],
  ['B', 'B', 'Jumlah (3 + 4)'],
  ['remaining', '5', 'Pencari kerja yang belum ditempatkan pada akhir bulan ini (A − B)'],
];
const VACANCY_LINES: [string, string, string][] = [
  ['carriedOver', '1', 'Lowongan yang belum dipenuhi pada akhir bulan lalu'],
  ['registered', '2', 'Lowongan yang terdaftar dalam bulan ini'],
  ['C', 'C', 'Jumlah (1 + 2)'],
  ['filled', '3', 'Lowongan yang dipenuhi dalam bulan ini'],
  ['removed', '4', 'Lowongan yang dihapuskan dalam bulan ini'],
  ['D', 'D', 'Jumlah (3 + 4)'],
  ['remaining', '5', 'Lowongan yang belum dipenuhi pada akhir bulan ini (C − D)'],
];

/** III/1: Part I seekers by age group and sex, Part II vacancy positions by the sex asked. */
function ikhtisar(s: FormSheet, r: Record<string, unknown>, office: string, head: Head) {
  const width = 2 + AGE_BANDS.length * 2 + 3;
  s.titleBlock('IPK III/1', IKHTISAR_TITLE, office, head, width);
  s.section('I. PENCARI KERJA');
  let top = s.row;
  s.header(top, 1, top + 2, 1, 'No.');
  s.header(top, 2, top + 2, 2, 'Uraian');
  s.header(top, 3, top, 2 + AGE_BANDS.length * 2, 'Golongan umur (tahun)');
  AGE_BANDS.forEach((b, i) => {
    const c = 3 + i * 2;
    s.header(top + 1, c, top + 1, c + 1, b);
    s.header(top + 2, c, top + 2, c, 'L');
    s.header(top + 2, c + 1, top + 2, c + 1, 'P');
  });
  const tc = 3 + AGE_BANDS.length * 2;
  s.header(top, tc, top + 1, tc + 2, 'Jumlah');
  SEXES.forEach((x, j) => s.header(top + 2, tc + j, top + 2, tc + j, x));
  s.row = top + 3;
  const seekers = r.seekers as Record<string, Record<string, { L: number; P: number; LP?: number }>>;
  for (const [key, code, label] of SEEKER_LINES) {
    const row = seekers[key];
    const bands = AGE_BANDS.flatMap((b) => [row[b]?.L ?? 0, row[b]?.P ?? 0]);
    s.line([code, label], [...bands, ...cellsOf([row.total as SexCells])], { bold: /[AB]/.test(code) });
  }
  s.row++;
  s.section('II. LOWONGAN KERJA (jumlah posisi)');
  top = s.row;
  s.header(top, 1, top + 1, 1, 'No.');
  s.header(top, 2, top + 1, 2, 'Uraian');
  s.header(top, 3, top, 5, 'Jumlah lowongan menurut jenis kelamin yang diminta');
  SEXES.forEach((x, j) => s.header(top + 1, 3 + j, top + 1, 3 + j, x));
  s.row = top + 2;
  const vacancies = r.vacancies as Record<string, SexCells>;
  for (const [key, code, label] of VACANCY_LINES)
    s.line([code, label], cellsOf([vacancies[key]]), { bold: /[CD]/.test(code) });
  s.widths([5, 58, ...Array<number>(width - 2).fill(7)]);
}

const TYPES: [string, string][] = [
  ['AKL', 'Antar Kerja Lokal (AKL)'],
  ['AKAD', 'Antar Kerja Antar Daerah (AKAD)'],
  ['AKAN', 'Antar Kerja Antar Negara (AKAN)'],
  ['total', 'Jumlah'],
];
type PlacementRowLike = CodedRow & Record<string, SexCells>;

/** III/8: placements by type (AKL, AKAD, AKAN) × L, P, L+P; A by education, B by kind of employer. */
function placements(s: FormSheet, r: Record<string, unknown>, office: string, head: Head) {
  const width = 3 + TYPES.length * 3;
  s.titleBlock('IPK III/8', PLACEMENT_TITLE, office, head, width);
  const part = (
    title: string,
    grouping: string,
    t: { rows: PlacementRowLike[]; total: Record<string, SexCells> },
    education: boolean,
  ) => {
    s.section(title);
    const top = s.row;
    s.header(top, 1, top + 1, 1, 'No.');
    s.header(top, 2, top + 1, 2, 'Kode');
    s.header(top, 3, top + 1, 3, grouping);
    TYPES.forEach(([, label], i) => {
      const c = 4 + i * 3;
      s.header(top, c, top, c + 2, label);
      SEXES.forEach((x, j) => s.header(top + 1, c + j, top + 1, c + j, x));
    });
    s.row = top + 2;
    const cols = TYPES.map(([k]) => k);
    const sum = (list: PlacementRowLike[], level: string) => sumCells(list, level, levelLabel(list, level), cols);
    let no = 0;
    for (const line of formLines(t.rows, undefined, education, sum)) {
      const detail = line.kind === 'detail';
      const label =
        detail && line.row.code === line.row.level ? `${line.row.label} (tanpa kode rinci)` : line.row.label;
      s.line([detail ? null : ++no, line.row.code, label], cellsOf(cols.map((k) => line.row[k])), {
        bold: line.kind === 'level',
        indent: detail ? 2 : 0,
      });
    }
    s.line([null, null, 'Jumlah'], cellsOf(cols.map((k) => t.total[k])), { bold: true });
    s.row++;
  };
  const byEducation = r.byEducation as { rows: PlacementRowLike[]; total: Record<string, SexCells> };
  const byKind = r.byEmployerKind as { rows: PlacementRowLike[]; total: Record<string, SexCells> };
  part('A. Menurut tingkat pendidikan', 'Tingkat Pendidikan', byEducation, true);
  part('B. Menurut jenis perusahaan penerima', 'Jenis Perusahaan Penerima', byKind, false);
  s.widths([5, 8, 40, ...Array<number>(TYPES.length * 3).fill(7)]);
}
