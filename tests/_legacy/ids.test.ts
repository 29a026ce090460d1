import { describe, expect, it } from 'vitest';
import { paperIdFromFile } from '../src/lib/ids';

describe('paperIdFromFile', () => {
  it('uses the file name without folders and extension', () => {
    expect(paperIdFromFile('2022/diffusionbert.md', {})).toBe('diffusionbert');
  });
  it('prefers the slug front matter', () => {
    expect(paperIdFromFile('x.md', { slug: ' my-paper ' })).toBe('my-paper');
  });
});
