import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { SITE_BASE_DIR, SITE_DIR } from './helpers/build';
import { readSeed } from './helpers/seed';
import { listBuilt, loadPage, readBuilt, textOf } from './helpers/site';

const seed = readSeed();
const files = listBuilt();
const paperIds = files.filter((file) => /^papers\/[^/]+\/index\.html$/.test(file)).map((file) => file.split('/')[1]);

/** A Debian program the CI installs; locally, a missing one skips its test instead of failing. */
function hasProgram(name: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
  if (!found && process.env.CI) throw new Error(`${name} is missing: run scripts/install-system-deps.sh`);
  return found;
}

describe('citation files', () => {
  it('exist per paper in three formats and parse to that paper', () => {
    expect(paperIds).toHaveLength(seed.papers);
    for (const id of paperIds) {
      const title = textOf(loadPage(`papers/${id}/index.html`).querySelector('h1'));
      for (const ext of ['bib', 'ris', 'json']) {
        const data = new Cite(readBuilt(`papers/${id}.${ext}`)).data as { title: string }[];
        expect(data, `${id}.${ext}`).toHaveLength(1);
        expect(data[0].title).toBe(title);
      }
    }
  });

  it('the whole bibliography in each format holds every seed paper with its authors and date', () => {
    for (const ext of ['bib', 'ris', 'json']) {
      const items = new Cite(readBuilt(`bibliography.${ext}`)).data as {
        title: string;
        author: { family?: string; given?: string; literal?: string }[];
        issued: { 'date-parts': number[][] };
      }[];
      expect(items, ext).toHaveLength(seed.papers);
      for (const entry of seed.list) {
        const item = items.find((candidate) => candidate.title === entry.title);
        expect(item, `${ext}: ${entry.title}`).toBeDefined();
        const names = item!.author
          .map((author) => author.literal ?? [author.given, author.family].filter(Boolean).join(' '))
          .filter((name) => name !== 'others');
        expect(names).toEqual(entry.authors);
        const [year, month] = item!.issued['date-parts'][0];
        expect(`${year}-${String(month).padStart(2, '0')}`).toBe(entry.isoDate.slice(0, 7));
      }
    }
  });

  it('category bibliographies split the papers by category', () => {
    const counts = new Map<string, number>();
    for (const entry of seed.list) counts.set(entry.category, (counts.get(entry.category) ?? 0) + 1);
    for (const [category, count] of counts) {
      const parsed = parseBibtex(readBuilt(`categories/${category.toLowerCase()}/bibliography.bib`));
      expect(parsed.errors).toEqual([]);
      expect(parsed.entries).toHaveLength(count);
    }
  });

  it('truncated author lists end in "and others"; keys are unique and readable', () => {
    const parsed = parseBibtex(readBuilt('bibliography.bib'), { sentenceCase: false });
    const keys = parsed.entries.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('he2022diffusionbert');
    for (const key of keys) expect(key).toMatch(/^[a-z]+\d{4}[a-z0-9]*$/);
    expect(readBuilt('bibliography.bib')).toContain(
      'author = {He, Zhengfu and Sun, Tianxiang and Wang, Kuanning and others}',
    );
  });

  it('is accepted by real BibTeX with plain.bst, without warnings', ({ skip }) => {
    if (!hasProgram('bibtex')) skip();
    const dir = mkdtempSync(join(tmpdir(), 'bibshelf-bibtex-'));
    writeFileSync(join(dir, 'refs.bib'), readBuilt('bibliography.bib'));
    writeFileSync(join(dir, 'doc.aux'), '\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n');
    const result = spawnSync('bibtex', ['doc'], { cwd: dir, encoding: 'utf8' });
    expect(result.stdout).not.toMatch(/Warning|error/i);
    expect(result.status).toBe(0);
    const bbl = readFileSync(join(dir, 'doc.bbl'), 'utf8');
    expect(bbl.match(/\\bibitem/g)).toHaveLength(seed.papers);
  });

  it('is accepted by biber (data model validation), without warnings', ({ skip }) => {
    if (!hasProgram('biber')) skip();
    const dir = mkdtempSync(join(tmpdir(), 'bibshelf-biber-'));
    writeFileSync(join(dir, 'refs.bib'), readBuilt('bibliography.bib'));
    const result = spawnSync(
      'biber',
      ['--tool', '--validate-datamodel', '--output-file', join(dir, 'out.bib'), 'refs.bib'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    const log = `${result.stdout}\n${result.stderr}`;
    expect(log).not.toMatch(/WARN|ERROR/);
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'out.bib'), 'utf8').match(/^@/gm)).toHaveLength(seed.papers);
  });
});

describe('paper page citations', () => {
  it.each(paperIds)('%s shows its BibTeX, downloads, formatted styles and Scholar metadata', (id) => {
    const page = loadPage(`papers/${id}/index.html`);
    const bib = readBuilt(`papers/${id}.bib`);
    expect(page.querySelector('.cite pre')!.textContent).toBe(bib);
    expect(page.querySelector('.copy-button')).not.toBeNull();
    const downloads = [...page.querySelectorAll('.cite__downloads a')].map((a) => a.getAttribute('href'));
    expect(downloads).toEqual([`/papers/${id}.bib`, `/papers/${id}.ris`, `/papers/${id}.json`]);
    expect(page.querySelector('.cite__formatted--apa')!.innerHTML).toMatch(/\(\d{4}\)\. <i>/);
    expect(textOf(page.querySelector('.cite__formatted--vancouver'))).toMatch(/\d{4}\. Available from: https:/);
    const title = textOf(page.querySelector('h1'));
    const meta = (name: string) =>
      [...page.querySelectorAll(`meta[name="${name}"]`)].map((tag) => tag.getAttribute('content'));
    expect(meta('citation_title')).toEqual([title]);
    const entry = seed.list.find((candidate) => candidate.title === title)!;
    expect(meta('citation_author')).toEqual(entry.authors);
    expect(meta('citation_publication_date')).toEqual([entry.isoDate.replace(/-/g, '/')]);
    const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd).toMatchObject({ '@type': 'ScholarlyArticle', headline: title, datePublished: entry.isoDate });
  });

  it('download links and absolute URLs honour the base path', () => {
    const page = loadPage('papers/bbtv2/index.html', SITE_BASE_DIR);
    expect(page.querySelector('.cite__downloads a')!.getAttribute('href')).toBe('/bib/papers/bbtv2.bib');
    expect(readBuilt('papers/bbtv2.bib', SITE_BASE_DIR)).toContain(
      'url = {https://bibshelf.example.org/bib/papers/bbtv2/}',
    );
    expect(readBuilt('papers/bbtv2.bib', SITE_DIR)).toContain('url = {https://bibshelf.example.org/papers/bbtv2/}');
  });
});

describe('home page BibTeX', () => {
  it('offers each paper its BibTeX entry and .bib download', () => {
    const home = loadPage('index.html');
    const cards = [...home.querySelectorAll('.paper-card')];
    expect(cards).toHaveLength(seed.papers);
    for (const card of cards) {
      const id = card.querySelector('.paper-card__title a')!.getAttribute('href')!.split('/')[2];
      expect(card.querySelector('.bibtex-toggle pre')!.textContent).toBe(readBuilt(`papers/${id}.bib`));
      expect(card.querySelector('.bibtex-toggle a')!.getAttribute('href')).toBe(`/papers/${id}.bib`);
    }
  });
});
