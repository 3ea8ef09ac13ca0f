import { maskName } from '../../src/card-validation/mask-name';

describe('holder name masking', () => {
  it('keeps the first letter of each word and hides the rest', () => {
    expect(maskName('Bambang Santoso')).toBe('B****** S******');
    expect(maskName('Budi Setiawan')).toBe('B*** S*******');
  });

  it('handles one word, extra spaces, lower case and punctuation', () => {
    expect(maskName('Sukarno')).toBe('S******');
    expect(maskName("  siti   nur'aini ")).toBe('S*** N*******');
    expect(maskName('M. Rizky')).toBe('M* R****');
  });

  it('counts letters, not UTF-16 units', () => {
    expect(maskName('Ésa Ñoño')).toBe('É** Ñ***');
  });

  it('never returns any letter after the first of a word', () => {
    const masked = maskName('Rahmawati Dewi Lestari');
    expect(masked.replace(/[RDL ]/g, '')).toMatch(/^\*+$/);
  });
});
