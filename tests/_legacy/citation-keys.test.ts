import { describe, expect, it } from 'vitest';
import { assignCitationKeys, makeBaseKey } from '../src/lib/citation-keys';
import { makePaper } from './helpers/papers';

describe('makeBaseKey', () => {
  it('is family name + year + first significant title word, ASCII', () => {
    const paper = makePaper('x', {
      title: 'DiffusionBERT: Improving Generative Masked Language Models',
      authors: ['Zhengfu He'],
      date: '2022-11-28',
    });
    expect(makeBaseKey(paper)).toBe('he2022diffusionbert');
    expect(makeBaseKey(makePaper('y', { title: 'The Ünïcode Way', authors: ['Łukasz Ćwik'] }))).toBe('cwik2024unicode');
    expect(makeBaseKey(makePaper('z', { title: '中文标题', authors: ['张三'] }))).toBe('anon2024');
  });
});

describe('assignCitationKeys', () => {
  it('disambiguates collisions oldest first, so adding a newer paper renames nothing', () => {
    const older = makePaper('older', { title: 'Circuits A', authors: ['Xuyang Ge'], date: '2024-01-01' });
    const newer = makePaper('newer', { title: 'Circuits B', authors: ['Xuyang Ge'], date: '2024-06-01' });
    const before = assignCitationKeys([older]);
    const after = assignCitationKeys([newer, older]);
    expect(before.get('older')).toBe('ge2024circuits');
    expect(after.get('older')).toBe('ge2024circuits');
    expect(after.get('newer')).toBe('ge2024circuitsb');
  });

  it('keeps overrides and steers generated keys around them', () => {
    const manual = makePaper('manual', { citationKey: 'ge2024circuits' });
    const generated = makePaper('gen', { title: 'Circuits', authors: ['Xuyang Ge'] });
    const keys = assignCitationKeys([manual, generated]);
    expect(keys.get('manual')).toBe('ge2024circuits');
    expect(keys.get('gen')).toBe('ge2024circuitsb');
  });

  it('rejects two equal overrides, naming both files and the field', () => {
    const a = makePaper('a', { citationKey: 'same' });
    const b = makePaper('b', { citationKey: 'same' });
    expect(() => assignCitationKeys([a, b])).toThrow(
      /Invalid paper file src\/content\/papers\/b\.md\n {2}citationKey: "same" is already used by src\/content\/papers\/a\.md/,
    );
  });

  it('gives every paper a unique ASCII key', () => {
    const papers = Array.from({ length: 60 }, (_, i) =>
      makePaper(`p${i}`, { title: 'Same Title', authors: ['Zhengfu He'] }),
    );
    const keys = [...assignCitationKeys(papers).values()];
    expect(new Set(keys).size).toBe(60);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+$/);
  });
});
