// The export files of the shipped site: per paper and for the whole bibliography, in BibTeX, RIS and CSL-JSON, read
// back by citation-js and @retorquere/bibtex-parser. The seed papers are arXiv preprints: @misc with
// entrysubtype = {preprint} and howpublished = {arXiv}, RIS TY UNPB, CSL type article with publisher arXiv.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { SITE_BASE_DIR, SITE_DIR } from '../helpers/build';
import { readSeed } from '../helpers/seed';
import { loadShippedPapers } from '../helpers/shipped';
import { listBuilt, loadPage, readBuilt, textOf } from '../helpers/site';

const seed = readSeed();
const byDate = [...seed.list].sort((a, b) => b.isoDate.localeCompare(a.isoDate));
const shipped = await loadShippedPapers();
const ids = listBuilt()
  .filter((file) => /^papers\/[^/]+\/index\.html$/.test(file))
  .map((file) => file.split('/')[1]);

interface ReadItem {
  title: string;
  type: string;
  publisher?: string;
  author: { family?: string; given?: string; literal?: string }[];
  issued: { 'date-parts': number[][] };
}

describe('export files of each paper', () => {
  it('exist in three formats and read back as that paper', () => {
    expect(ids).toHaveLength(seed.papers);
    for (const id of ids) {
      const title = textOf(loadPage(`papers/${id}/index.html`).querySelector('h1'));
      for (const format of ['bib', 'ris', 'json']) {
        const data = new Cite(readBuilt(`papers/${id}.${format}`)).data as ReadItem[];
        expect(data, `${id}.${format}`).toHaveLength(1);
        expect(data[0].title).toBe(title);
      }
    }
  });

  it('write the real type of a preprint in each format', () => {
    for (const id of ids) {
      const bib = readBuilt(`papers/${id}.bib`);
      expect(bib).toMatch(/^@misc\{[a-z0-9]+,\n {2}entrysubtype = \{preprint\},\n/);
      expect(bib).toContain('  howpublished = {arXiv},\n');
      expect(readBuilt(`papers/${id}.ris`)).toMatch(/^TY {2}- UNPB\r\n/);
      const [item] = JSON.parse(readBuilt(`papers/${id}.json`)) as ReadItem[];
      expect(item).toMatchObject({ type: 'article', publisher: 'arXiv' });
    }
  });

  it('write an arXiv id as eprint, archiveprefix and primaryclass; the others have none', () => {
    for (const paper of shipped) {
      const bib = readBuilt(`papers/${paper.id}.bib`);
      if (paper.site.arxiv) {
        expect(bib).toContain(`  eprint = {${paper.site.arxiv}},\n  archiveprefix = {arXiv},\n`);
        expect(bib).toContain(`  primaryclass = {${paper.site.category!.code}},\n`);
      } else expect(bib).not.toMatch(/^  (eprint|archiveprefix) = /m);
    }
  });

  it('write the date to the day, as the seed gives it', () => {
    for (const entry of seed.list) {
      const paper = shipped.find((candidate) => candidate.csl.title === entry.title)!;
      const [year, month, day] = entry.isoDate.split('-').map(Number);
      const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
      expect(readBuilt(`papers/${paper.id}.bib`)).toContain(
        `  year = {${year}},\n  month = ${months[month - 1]},\n  day = {${day}},\n`,
      );
      expect(readBuilt(`papers/${paper.id}.ris`)).toContain(`DA  - ${entry.isoDate.replace(/-/g, '/')}/\r\n`);
      const [item] = JSON.parse(readBuilt(`papers/${paper.id}.json`)) as ReadItem[];
      expect(item.issued).toEqual({ 'date-parts': [[year, month, day]] });
    }
  });
});

describe('the whole bibliography', () => {
  it.each(['bib', 'ris', 'json'])(
    'bibliography.%s holds every seed paper, newest first, with its authors and date',
    (format) => {
      const items = new Cite(readBuilt(`bibliography.${format}`)).data as ReadItem[];
      expect(items.map((item) => item.title)).toEqual(byDate.map((entry) => entry.title));
      for (const entry of seed.list) {
        const item = items.find((candidate) => candidate.title === entry.title)!;
        const names = item.author
          .map((author) => author.literal ?? [author.given, author.family].filter(Boolean).join(' '))
          .filter((name) => name !== 'others');
        expect(names).toEqual(entry.authors);
        expect(item.issued['date-parts'][0]).toEqual(entry.isoDate.split('-').map(Number));
      }
    },
  );

  it('is the papers’ own entries joined under a header naming the site', () => {
    const bib = readBuilt('bibliography.bib');
    expect(
      bib.startsWith(`% Bibliography of ${seed.name}, https://bibshelf.example.org/\n% 14 entries, UTF-8\n\n`),
    ).toBe(true);
    for (const paper of shipped) expect(bib).toContain(readBuilt(`papers/${paper.id}.bib`).trim());
  });

  it('ends truncated author lists in "and others"; keys are unique and readable', () => {
    const parsed = parseBibtex(readBuilt('bibliography.bib'), { sentenceCase: false });
    expect(parsed.errors).toEqual([]);
    const keys = parsed.entries.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('he2022diffusionbert');
    for (const key of keys) expect(key).toMatch(/^[a-z]+\d{4}[a-z0-9]*$/);
    expect(readBuilt('bibliography.bib')).toContain(
      'author = {He, Zhengfu and Sun, Tianxiang and Wang, Kuanning and others}',
    );
    // An organisation stays one name.
    expect(readBuilt('papers/nex-n1.bib')).toContain(
      'author = {{Nex-AGI Team} and Cai, Yuxuan and Chen, Lu and others}',
    );
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

  it('is the same under the base path, but for the header’s address', () => {
    for (const file of ['bibliography.bib', 'bibliography.ris', 'bibliography.json', 'papers/bbtv2.bib']) {
      expect(
        readBuilt(file, SITE_BASE_DIR).replace('https://bibshelf.example.org/bib/', 'https://bibshelf.example.org/'),
      ).toBe(readBuilt(file, SITE_DIR));
    }
  });
});
