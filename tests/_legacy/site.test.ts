import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_DIR } from './helpers/build';
import { readSeed } from './helpers/seed';
import { loadPage, readBuilt, textOf } from './helpers/site';

const seed = readSeed();
const home = loadPage('index.html');
const cards = [...home.querySelectorAll('.paper-card')];

describe('built site: home page', () => {
  it('shows the profile figures, with the paper count computed from the content', () => {
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
    expect(textOf(home.querySelector('#papers-heading'))).toBe(`${seed.papers} Papers`);
  });

  it('lists every seed paper, newest first, with its badge, date, score, code mark and authors', () => {
    expect(cards).toHaveLength(seed.list.length);
    const byDate = [...seed.list].sort((a, b) => b.isoDate.localeCompare(a.isoDate));
    expect(cards.map((card) => textOf(card.querySelector('.paper-card__title')))).toEqual(
      byDate.map((entry) => entry.title),
    );
    for (const entry of byDate) {
      const card = cards.find((candidate) => textOf(candidate.querySelector('.paper-card__title')) === entry.title)!;
      const meta = card.querySelector('.paper-meta')!;
      expect(textOf(meta.querySelector('.badge'))).toBe(entry.category);
      expect(meta.querySelector('time')!.getAttribute('datetime')).toBe(entry.isoDate);
      expect(textOf(meta.querySelector('time'))).toContain(entry.date);
      expect(textOf(meta.querySelector('.score')).replace('Score ', '')).toBe(
        entry.score === undefined ? '' : String(entry.score),
      );
      expect(Boolean(meta.querySelector('.code-mark'))).toBe(entry.code);
      expect(textOf(card.querySelector('.paper-card__authors'))).toBe(
        `${entry.authors.join(', ')}${entry.truncated ? ' et al.' : ''}`,
      );
      const link = card.querySelector('.paper-card__title a')!.getAttribute('href')!;
      expect(link).toMatch(/^\/papers\/[a-z0-9-]+\/$/);
    }
  });

  it('keeps a space between adjacent inline elements (no glued words for search)', () => {
    const meta = cards.map((card) => textOf(card.querySelector('.paper-meta')));
    expect(meta).toContain('LG Apr 11, 2026 Score 95.1 Code');
    expect(meta).toContain('CL Nov 28, 2022');
  });

  it('needs no JavaScript: only a small inline enhancement (search shortcut), no script files', () => {
    const scripts = [...home.querySelectorAll('script:not([type="application/ld+json"])')];
    expect(scripts.every((script) => !script.hasAttribute('src'))).toBe(true);
    const bytes = scripts.reduce((total, script) => total + (script.textContent ?? '').length, 0);
    expect(bytes).toBeLessThan(1500);
  });
});

describe('built site: paper pages', () => {
  const pages = readdirSync(join(SITE_DIR, 'papers'), { withFileTypes: true }).filter((entry) => entry.isDirectory());

  it('builds one page per paper', () => {
    expect(pages).toHaveLength(seed.papers);
  });

  it.each(seed.list.map((entry) => [entry.title, entry] as const))('shows all metadata of %s', (_, entry) => {
    const card = cards.find((candidate) => textOf(candidate.querySelector('.paper-card__title')) === entry.title)!;
    const href = card.querySelector('.paper-card__title a')!.getAttribute('href')!;
    const page = loadPage(`${href.slice(1)}index.html`);
    expect(textOf(page.querySelector('h1'))).toBe(entry.title);
    expect(textOf(page.querySelector('title'))).toBe(`${entry.title} · ${seed.name} · Bibliography`);
    const authors = textOf(page.querySelector('.paper__authors'));
    expect(authors).toBe(`${entry.authors.join(', ')}${entry.truncated ? ' et al.' : ''}`);
    const abstract = textOf(page.querySelector('.abstract'));
    // Full abstract, LaTeX rendered readably: no backslash commands or dollar math left.
    expect(abstract).not.toMatch(/\\[a-z%]|\$/);
    const firstWords = entry.abstract.split(' ').slice(0, 12).join(' ');
    expect(abstract.startsWith(firstWords)).toBe(true);
    expect(abstract.length).toBeGreaterThan(entry.abstract.length * 0.9);
    expect(textOf(page.querySelector('.paper-meta .badge'))).toBe(entry.category);
    expect(page.querySelector('meta[name="description"]')!.getAttribute('content')!.length).toBeGreaterThan(50);
  });

  it('renders LaTeX from the seed as markup', () => {
    const html = readBuilt('papers/llama-scope/index.html');
    expect(html).toContain('<em>feature splitting</em>');
    expect(html).toContain(
      '<a href="https://huggingface.co/fnlp/Llama-Scope">https://huggingface.co/fnlp/Llama-Scope</a>',
    );
    expect(
      textOf(loadPage('papers/attention-low-dimensional-subspaces/index.html').querySelector('.abstract')),
    ).toContain('about 60% of the directions account for 99% of the variance');
  });
});
