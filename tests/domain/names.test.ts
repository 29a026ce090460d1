import { describe, expect, it } from 'vitest';
import { formatDisplayName, formatInvertedName, parseName } from '../../src/domain/names';

describe('parseName', () => {
  it.each([
    ['Zhengfu He', { family: 'He', given: 'Zhengfu' }],
    ['He, Zhengfu', { family: 'He', given: 'Zhengfu' }],
    ['Ludwig van Beethoven', { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }],
    ['van Gennep, Arnold', { family: 'Gennep', given: 'Arnold', 'non-dropping-particle': 'van' }],
    ['van Gennep', { family: 'Gennep', 'non-dropping-particle': 'van' }],
    ['Di Valentino, Eleonora', { family: 'Di Valentino', given: 'Eleonora' }],
    ['Jean de la Fontaine', { family: 'Fontaine', given: 'Jean', 'non-dropping-particle': 'de la' }],
    ['King, Jr., Martin Luther', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Martin Luther King Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Plato', { family: 'Plato' }],
    ['张三', { family: '张三' }],
    ['  Zoë   O’Brien ', { family: 'O’Brien', given: 'Zoë' }],
  ])('%s', (text, expected) => {
    expect(parseName(text)).toEqual(expected);
  });

  it('refuses a string with more than two commas, naming the forms that work', () => {
    expect(() => parseName('King, Jr., Martin, Luther')).toThrow(/3 commas.*Family, Jr\., Given/);
  });

  it('shows names as readers expect and inverts them for sorting', () => {
    const name = parseName('van Gennep, Arnold');
    expect(formatDisplayName(name)).toBe('Arnold van Gennep');
    expect(formatInvertedName(name)).toBe('van Gennep, Arnold');
    expect(formatDisplayName(parseName('King, Jr., Martin Luther'))).toBe('Martin Luther King Jr.');
    expect(formatDisplayName({ literal: 'World Health Organization' })).toBe('World Health Organization');
  });

  it('reads back what it displays for ordinary names', () => {
    for (const text of ['Zhengfu He', 'Ludwig van Beethoven', 'Martin Luther King Jr.', 'Anne-Marie Slaughter']) {
      expect(formatDisplayName(parseName(text))).toBe(text);
    }
  });
});
