import { CsvSyntaxError, parseCsv } from '../../src/cards/csv';

describe('CSV reading', () => {
  it('splits records and fields, keeping line numbers', () => {
    expect(parseCsv('a,b\n1,2\r\n\n3,\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', ''] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('\uFEFFname,addr\n"Siti ""Ani""","Jl. A, No. 1\nPalembang"\nx,y')).toEqual([
      { line: 1, fields: ['name', 'addr'] },
      { line: 2, fields: ['Siti "Ani"', 'Jl. A, No. 1\nPalembang'] },
      { line: 4, fields: ['x', 'y'] },
    ]);
  });

  it('refuses an unclosed quote and text after a closing quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('"a"b,c')).toThrow(CsvSyntaxError);
  });
});
