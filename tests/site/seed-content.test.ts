// The shipped paper files hold every fact of the seed profile (tests/fixtures/seed-profile.txt), read as the build
// reads them, and invent none.
import { describe, expect, it } from 'vitest';
import { formatDisplayName } from '../../src/domain/names';
import { siteConfig } from '../../src/config';
import { readSeed } from '../helpers/seed';
import { loadShippedPapers } from '../helpers/shipped';

const seed = readSeed();
const papers = await loadShippedPapers();

describe('shipped content', () => {
  it('has one valid file per seed paper', () => {
    expect(seed.list).toHaveLength(seed.papers);
    expect(papers).toHaveLength(seed.papers);
  });

  it('and a site config with the seed’s profile figures', () => {
    expect(siteConfig.profile).toMatchObject({
      name: seed.name,
      primaryCategory: seed.category,
      hIndex: seed.hIndex,
      citations: seed.citations,
      novelty: seed.novelty,
      aiScore: seed.aiScore,
    });
    expect([seed.hIndex, seed.papers, seed.citations, seed.novelty, seed.aiScore]).toEqual([57, 14, 1133, 51, 60]);
  });

  it.each(seed.list.map((entry) => [entry.title, entry] as const))('records every seed fact of %s', (_, entry) => {
    const paper = papers.find((candidate) => candidate.csl.title === entry.title);
    expect(paper, `no file for "${entry.title}"`).toBeDefined();
    const { data, site, abstract } = paper!;
    expect(data.type).toBe('article');
    expect(data.publisher).toBe('arXiv');
    expect(paper!.names.author!.map(formatDisplayName)).toEqual(entry.authors);
    expect(Boolean(site.truncated.author)).toBe(entry.truncated);
    expect(paper!.csl.issued).toEqual({ 'date-parts': [entry.isoDate.split('-').map(Number)] });
    expect(site.category?.badge).toBe(entry.category);
    expect(site.score).toBe(entry.score);
    expect(Boolean(site.code)).toBe(entry.code);
    // The abstract keeps its words; only LaTeX markup became markdown.
    const words = (text: string) =>
      text
        .replace(/\\%/g, '%')
        .replace(/\\(emph|url)\{([^}]*)\}|\$([^$]*)\$|[*<>~\\]/g, ' $2$3 ')
        .replace(/--/g, '–')
        .split(/\s+/)
        .filter(Boolean);
    expect(words(abstract.markdown)).toEqual(words(entry.abstract));
    expect(abstract.markdown).not.toMatch(/\\[a-z]+\{|\\%|\$/);
  });
});
