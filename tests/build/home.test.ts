// The built home page of the shipped site: every seed fact, as the seed profile shows it.
import { describe, expect, it } from 'vitest';
import { readSeed } from '../helpers/seed';
import { loadShippedPapers } from '../helpers/shipped';
import { loadPage, readBuilt, removeBibtexField, textOf } from '../helpers/site';

const seed = readSeed();
const shipped = await loadShippedPapers();
const byDate = [...seed.list].sort((a, b) => b.isoDate.localeCompare(a.isoDate));
const home = loadPage('index.html');
const cards = [...home.querySelectorAll('#papers-heading ~ section .paper-card')];
const cardOf = (title: string) => cards.find((card) => textOf(card.querySelector('.paper-card__title')) === title)!;

describe('home page: the profile', () => {
  it('shows the profile figures as the seed gives them, the paper count computed from the content', () => {
    expect(textOf(home.querySelector('h1'))).toBe(seed.name);
    const stats = Object.fromEntries(
      [...home.querySelectorAll('.stat')].map((stat) => [
        textOf(stat.querySelector('dt')),
        textOf(stat.querySelector('dd')),
      ]),
    );
    expect(stats).toEqual({
      'h-index': String(seed.hIndex),
      papers: String(seed.papers),
      citations: seed.citations.toLocaleString('en-US'),
      Novelty: `${seed.novelty}%`,
      'AI Score': String(seed.aiScore),
    });
    expect(stats).toMatchObject({
      'h-index': '57',
      papers: '14',
      citations: '1,133',
      Novelty: '51%',
      'AI Score': '60',
    });
    expect(textOf(home.querySelector('.profile__field .badge'))).toBe(seed.category);
    expect(textOf(home.querySelector('#papers-heading'))).toBe(`${seed.papers} Papers`);
  });

  it('is titled and described for the owner', () => {
    expect(textOf(home.querySelector('title'))).toBe(`${seed.name} · Bibliography`);
    expect(home.querySelector('meta[name="description"]')!.getAttribute('content')).toContain(
      `${seed.papers} papers by ${seed.name}`,
    );
  });
});

describe('home page: the papers', () => {
  it('lists every seed paper once, newest first', () => {
    expect(cards).toHaveLength(seed.list.length);
    expect(cards.map((card) => textOf(card.querySelector('.paper-card__title')))).toEqual(
      byDate.map((entry) => entry.title),
    );
  });

  it.each(byDate.map((entry) => [entry.title, entry] as const))(
    '%s: category and type badges, date, score, code mark, authors, venue',
    (_, entry) => {
      const card = cardOf(entry.title);
      const meta = card.querySelector('.paper-meta')!;
      expect(textOf(meta.querySelector('.badge--category'))).toBe(entry.category);
      // Every seed paper is an arXiv preprint (type: article).
      expect(textOf(meta.querySelector('.badge--type'))).toBe('Preprint');
      expect(meta.querySelector('time')!.getAttribute('datetime')).toBe(entry.isoDate);
      // The seed prints this year's dates without the year; the site always shows it.
      expect(textOf(meta.querySelector('time'))).toBe(
        entry.date.includes(',') ? entry.date : `${entry.date}, ${entry.isoDate.slice(0, 4)}`,
      );
      expect(textOf(meta.querySelector('.score')).replace('Score ', '')).toBe(
        entry.score === undefined ? '' : String(entry.score),
      );
      expect(Boolean(meta.querySelector('.code-mark'))).toBe(entry.code);
      expect(textOf(card.querySelector('.paper-card__authors'))).toBe(
        `${entry.authors.join(', ')}${entry.truncated ? ' et al.' : ''}`,
      );
      // A preprint's venue: its repository, and its arXiv id when the file gives one.
      const arxiv = shipped.find((paper) => paper.csl.title === entry.title)!.site.arxiv;
      expect(textOf(card.querySelector('.paper-card__venue'))).toBe(arxiv ? `arXiv, arXiv:${arxiv}` : 'arXiv');
      expect(card.querySelector('.paper-card__title a')!.getAttribute('href')).toMatch(/^\/papers\/[a-z0-9.-]+\/$/);
    },
  );

  it('shows the seed scores 95.1 and 49.6 and the Code marks', () => {
    const scores = cards.map((card) => textOf(card.querySelector('.score')).replace('Score ', '')).filter(Boolean);
    expect(scores.sort()).toEqual(['49.6', '95.1']);
    expect(cards.filter((card) => card.querySelector('.code-mark')).length).toBe(
      seed.list.filter((entry) => entry.code).length,
    );
  });

  it('keeps a space between adjacent inline elements (no glued words for search)', () => {
    const meta = cards.map((card) => textOf(card.querySelector('.paper-meta')));
    expect(meta).toContain('Score 95.1 LG Preprint Apr 11, 2026 Code');
    expect(meta).toContain('CL Preprint Nov 28, 2022');
  });

  it('emphasises the owner in every author list that shows them', () => {
    const owners = cards.flatMap((card) => [...card.querySelectorAll('.paper-card__authors .owner')].map(textOf));
    expect(owners).toHaveLength(seed.list.filter((entry) => entry.authors.slice(0, 3).includes(seed.name)).length);
    expect(new Set(owners)).toEqual(new Set([seed.name]));
  });

  it('offers each paper its abstract and its BibTeX entry with the .bib download', () => {
    for (const card of cards) {
      const id = card.querySelector('.paper-card__title a')!.getAttribute('href')!.split('/')[2];
      // The shown entry is the .bib file's without its abstract (the download keeps it).
      expect(card.querySelector('.bibtex-toggle pre')!.textContent).toBe(
        removeBibtexField(readBuilt(`papers/${id}.bib`), 'abstract'),
      );
      expect(card.querySelector('.bibtex-toggle a')!.getAttribute('href')).toBe(`/papers/${id}.bib`);
      const title = textOf(card.querySelector('.paper-card__title'));
      const entry = seed.list.find((candidate) => candidate.title === title)!;
      expect(textOf(card.querySelector('.abstract'))).toContain(entry.abstract.split(' ').slice(0, 8).join(' '));
    }
  });
});

describe('home page: groups and filters', () => {
  const years = [...new Set(byDate.map((entry) => entry.isoDate.slice(0, 4)))];

  it('groups the papers by year, with a jump list', () => {
    expect([...home.querySelectorAll('.year-group > .year-heading')].map(textOf)).toEqual(years);
    expect([...home.querySelectorAll('.year-nav a')].map((a) => a.getAttribute('href'))).toEqual(
      years.map((year) => `#year-${year}`),
    );
    for (const year of years) {
      expect(home.querySelectorAll(`#year-${year} .paper-card`)).toHaveLength(
        seed.list.filter((entry) => entry.isoDate.startsWith(year)).length,
      );
    }
  });

  it('has a chip per category that links to its page, with its count', () => {
    const chips = [...home.querySelectorAll('.chips .chip')];
    const codes = [...new Set(seed.list.map((entry) => entry.category))].sort();
    expect(chips.map((chip) => chip.getAttribute('data-value'))).toEqual(['', ...codes]);
    expect(chips.map((chip) => chip.getAttribute('href'))).toEqual([
      '/',
      ...codes.map((code) => `/categories/${code.toLowerCase()}/`),
    ]);
    for (const code of codes) {
      const chip = chips.find((candidate) => candidate.getAttribute('data-value') === code)!;
      expect(textOf(chip)).toBe(`${code} (${seed.list.filter((entry) => entry.category === code).length})`);
    }
    // The list items carry what the chips filter on.
    expect(
      [...home.querySelectorAll('.paper-list > li[data-category]')].map((li) => li.getAttribute('data-category')),
    ).toEqual(byDate.map((entry) => entry.category));
  });

  it('needs no JavaScript to read: the enhancements (chips, export links, theme, copy) stay small', () => {
    // Every script the page runs: inline ones and module files with the chunks they import.
    const seen = new Set<string>();
    const moduleBytes = (path: string): number => {
      if (seen.has(path)) return 0;
      seen.add(path);
      const code = readBuilt(path.replace(/^\//, ''));
      const imports = [...code.matchAll(/from\s*"\.\/([^"]+)"/g)].map((match) => `/_astro/${match[1]}`);
      return code.length + imports.reduce((total, file) => total + moduleBytes(file), 0);
    };
    const scripts = [...home.querySelectorAll('script:not([type="application/ld+json"])')];
    const bytes = scripts.reduce(
      (total, script) =>
        total +
        (script.hasAttribute('src') ? moduleBytes(script.getAttribute('src')!) : (script.textContent ?? '').length),
      0,
    );
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(10_000);
  });
});
