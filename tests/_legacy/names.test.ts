import { describe, expect, it } from 'vitest';
import { foldToAscii, splitName } from '../src/lib/names';

describe('splitName', () => {
  it('splits given and family names, keeping particles with the family', () => {
    expect(splitName('Zhengfu He')).toEqual({ family: 'He', given: 'Zhengfu' });
    expect(splitName('Ludwig van Beethoven')).toEqual({ family: 'van Beethoven', given: 'Ludwig' });
    expect(splitName('Curie, Marie')).toEqual({ family: 'Curie', given: 'Marie' });
  });
  it('keeps organizations and single names literal', () => {
    expect(splitName('Nex-AGI Team')).toEqual({ literal: 'Nex-AGI Team' });
    expect(splitName('张三')).toEqual({ literal: '张三' });
  });
});

describe('foldToAscii', () => {
  it('drops diacritics and other scripts', () => {
    expect(foldToAscii('Łukasz Ćwik-Ørsted')).toBe('lukaszcwikorsted');
    expect(foldToAscii('中文 abc')).toBe('abc');
  });
});
