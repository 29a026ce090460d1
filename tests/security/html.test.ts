// The hostile site's HTML as parsers read it: html-validate on every page (no parse error, valid markup after the
// sanitizer), ids and the references to them, JSON-LD and Google Scholar (Highwire) metadata, DOI links, author
// pages for names typed composed and decomposed or 290 characters long, and a page for every file name.
import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { doiUrl } from '../../src/formats/identifiers';
import { listBuilt, loadPage, readBuilt, textOf } from '../helpers/site';
import { HOSTILE, useBuild } from './builds';
import {
  CJK_PAPERS,
  FILE_NAME_IDS,
  HOSTILE_DOIS,
  HOSTILE_PAPER,
  HOSTILE_TITLE,
  LONG_CJK_NAME,
  LONG_LATIN_NAME,
} from './fixtures';

const built = useBuild(HOSTILE);
const pages = () => listBuilt(built.dir).filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'));

describe('every page', () => {
  it('passes html-validate: no parse error, no invalid markup', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Layout rules the project's own config turns off (.htmlvalidate.json).
        'no-trailing-whitespace': 'off',
        'void-style': 'off',
        'attribute-boolean-style': 'off',
        'no-inline-style': 'off',
        'long-title': 'off',
        'no-redundant-for': 'off',
        // Advice on landmark labels, which the seed site gets too: not what hostile input changes.
        'aria-label-misuse': 'off',
        // HTML allows any id without white space (page ids hold dots: llama-3.1).
        'valid-id': ['error', { relaxed: true }],
      },
    });
    const problems: string[] = [];
    for (const path of pages()) {
      const report = await validator.validateString(readBuilt(path, built.dir), path);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${path}:${message.line} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('ids are unique and every label, aria-labelledby and aria-describedby points at one', () => {
    const problems: string[] = [];
    for (const path of pages()) {
      const document = loadPage(path, built.dir);
      const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
      const known = new Set(ids);
      if (known.size !== ids.length) problems.push(`${path}: duplicate ids`);
      for (const id of ids) if (/\s/.test(id) || id === '') problems.push(`${path}: id "${id}"`);
      for (const element of document.querySelectorAll('[aria-labelledby], [aria-describedby], label[for]')) {
        const references = [
          ...(element.getAttribute('aria-labelledby') ?? '').split(/\s+/),
          ...(element.getAttribute('aria-describedby') ?? '').split(/\s+/),
          element.getAttribute('for') ?? '',
        ].filter(Boolean);
        for (const id of references) if (!known.has(id)) problems.push(`${path}: reference to missing id "${id}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('metadata for Google Scholar and search engines', () => {
  it('JSON-LD is JSON holding the hostile title as text, and no </script> can end it', () => {
    const html = readBuilt('papers/hostile-everything/index.html', built.dir);
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    expect(blocks[0][1]).not.toMatch(/[<>]/);
    const data = JSON.parse(blocks[0][1]) as { name: string; sameAs: string[] };
    expect(data.name).toBe(HOSTILE_TITLE);
    expect(JSON.stringify(data)).toContain(JSON.stringify('</script><script>alert("journal")</script>'));
    expect(data.sameAs).toContain(doiUrl(HOSTILE_PAPER.doi));
  });

  it('citation_title and citation_doi give the title and the DOI exactly', () => {
    const document = loadPage('papers/hostile-everything/index.html', built.dir);
    const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
    expect(meta('citation_title')).toBe(HOSTILE_TITLE);
    expect(meta('citation_doi')).toBe(HOSTILE_PAPER.doi);
  });

  it('every DOI links to its own doi.org address (# ? % encoded, not a fragment or a query)', () => {
    const checked: string[] = [];
    for (const path of pages().filter((page) => page.startsWith('papers/'))) {
      const document = loadPage(path, built.dir);
      const doi = document.querySelector('meta[name="citation_doi"]')?.getAttribute('content');
      if (!doi) continue;
      const links = [...document.querySelectorAll('a[href^="https://doi.org/"]')].map((a) => a.getAttribute('href')!);
      expect(links.length, path).toBeGreaterThan(0);
      for (const href of links) {
        const url = new URL(href);
        expect(url.hash, href).toBe('');
        expect(url.search, href).toBe('');
        expect(decodeURIComponent(url.pathname.slice(1)), href).toBe(doi);
      }
      checked.push(doi);
    }
    expect(checked).toEqual(expect.arrayContaining([HOSTILE_PAPER.doi, ...HOSTILE_DOIS]));
  });
});

describe('authors', () => {
  it('José typed composed (NFC) and decomposed (NFD) is one author with one page', () => {
    const slugs = listBuilt(built.dir, 'authors').filter((path) =>
      /^authors\/jose-garcia[^/]*\/index\.html$/.test(path),
    );
    expect(slugs).toEqual(['authors/jose-garcia/index.html']);
    const page = loadPage('authors/jose-garcia/index.html', built.dir);
    expect(textOf(page.querySelector('h1'))).toBe('José García'.normalize('NFC'));
    const titles = [...page.querySelectorAll('main li a[href*="/papers/"]')].map((a) => textOf(a));
    expect(titles).toEqual(expect.arrayContaining(['José NFC', 'José NFD']));
  });

  it('290-character names get an author page whose path stays within file-name limits, the name whole', () => {
    for (const name of [LONG_LATIN_NAME, LONG_CJK_NAME]) {
      const page = listBuilt(built.dir, 'authors').find((path) => {
        if (!path.endsWith('/index.html')) return false;
        return textOf(loadPage(path, built.dir).querySelector('h1')) === name;
      });
      expect(page, name.slice(0, 20)).toBeDefined();
      for (const part of page!.split('/')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(255);
      expect(Buffer.byteLength(page!.split('/')[1])).toBeLessThanOrEqual(160);
    }
  });
});

describe('file names', () => {
  for (const [file, id] of Object.entries(FILE_NAME_IDS)) {
    it(`${file} is the page /papers/${id}/ with its exports`, () => {
      expect(textOf(loadPage(`papers/${id}/index.html`, built.dir).querySelector('h1'))).toBe(`File name ${id}`);
      for (const format of ['bib', 'ris', 'json'])
        expect(readBuilt(`papers/${id}.${format}`, built.dir)).toContain(`File name ${id}`);
      const links = [...loadPage(`papers/${id}/index.html`, built.dir).querySelectorAll('a[download]')].map((a) =>
        a.getAttribute('href'),
      );
      expect(links).toEqual([`/papers/${id}.bib`, `/papers/${id}.ris`, `/papers/${id}.json`]);
    });
  }

  it('classic-Mac (CR) and Windows (CRLF) line ends, a byte-order mark and the year 1 are read as written', () => {
    const mac = loadPage('papers/classic-mac/index.html', built.dir);
    expect(textOf(mac.querySelector('h1'))).toBe('Classic Mac line ends');
    expect([...mac.querySelectorAll('.abstract p')].map((p) => textOf(p))).toEqual(['First paragraph.', 'Second one.']);
    expect(textOf(loadPage('papers/windows/index.html', built.dir).querySelector('h1'))).toBe('Windows line ends');
    expect(textOf(loadPage('papers/bom/index.html', built.dir).querySelector('h1'))).toBe('Byte order mark');
    expect(readBuilt('papers/year-one.bib', built.dir)).toMatch(/year = \{1\}/);
  });

  it('CJK papers keep their titles on their pages', () => {
    for (const paper of CJK_PAPERS) {
      const id = paper.name.replace(/\.md$/, '');
      expect(textOf(loadPage(`papers/${id}/index.html`, built.dir).querySelector('h1'))).toBe(paper.title);
    }
  });
});
