import { describe, expect, it } from 'vitest';
import { slugifyAuthor } from '../src/lib/authors';

describe('slugifyAuthor', () => {
  it('makes readable ASCII slugs from Latin names', () => {
    expect(slugifyAuthor('Zhengfu He')).toBe('zhengfu-he');
    expect(slugifyAuthor('Łukasz Ćwik')).toBe('lukasz-cwik');
    expect(slugifyAuthor('Nex-AGI Team')).toBe('nex-agi-team');
    expect(slugifyAuthor("Jean-Luc O'Neil Jr.")).toBe('jean-luc-o-neil-jr');
  });
  it('keeps letters of other scripts', () => {
    expect(slugifyAuthor('张三')).toBe('张三');
    expect(slugifyAuthor('Сергей Брин')).toBe('сергей-брин');
  });
  it('never returns an empty slug', () => {
    expect(slugifyAuthor('!!!')).toBe('author');
  });
});
