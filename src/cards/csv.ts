/** One record of a CSV file, with the line it starts on (1-based, the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside is written
 * twice, and a quoted field may span lines), CRLF or LF line ends, a leading BOM ignored. Blank lines
 * are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedField = false;

  const endField = () => {
    fields.push(field);
    field = '';
    quotedField = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '' || quotedField) throw new CsvSyntaxError(line, `line ${line}: a quote may only start a field`);
      inQuotes = true;
      quotedField = true;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (quotedField) throw new CsvSyntaxError(line, `line ${line}: nothing may follow a closing quote but a comma`);
      field += ch;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(recordLine, `line ${recordLine}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  return records;
}
