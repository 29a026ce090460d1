import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCount, parseProfile } from '../src/lib/profile';
import { ROOT } from './helpers/build';
import { readSeed } from './helpers/seed';

describe('profile', () => {
  it('the shipped profile holds the seed figures', () => {
    const profile = parseProfile(JSON.parse(readFileSync(join(ROOT, 'src/data/profile.json'), 'utf8')));
    const seed = readSeed();
    expect(profile).toMatchObject({
      name: seed.name,
      primaryCategory: seed.category,
      hIndex: seed.hIndex,
      citations: seed.citations,
      novelty: seed.novelty,
      aiScore: seed.aiScore,
    });
  });
  it('names the file and field on error', () => {
    expect(() => parseProfile({ name: 'X', hIndex: -1 }, 'p.json')).toThrow(/Invalid profile in p\.json:\n {2}hIndex:/);
    expect(() => parseProfile({ name: 'X', papers: 14 })).toThrow(/papers/);
  });
  it('formats counts', () => {
    expect(formatCount(1133)).toBe('1,133');
  });
});
