// The hostile site's exports, read by the programs people use: bibtex and biber, Better BibTeX's parser and
// citation-js for the .bib files, citation-js's RIS reader, JSON.parse for CSL-JSON, xmllint for the feeds and the
// sitemap. Every record must come out one record, each value inside its own field, as the paper has it.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse, type Creator } from '@retorquere/bibtex-parser';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { findUnsafeMarkup } from '../../src/domain/html';
import { markupToText, PARSE_OPTIONS } from '../../src/formats/latex';
import { runBiber, runBibtex } from '../helpers/bibtex-tools';
import { listBuilt, readBuilt } from '../helpers/site';
import { HOSTILE, useBuild } from './builds';
import { HOSTILE_PAPER, HOSTILE_TITLE, hostileFiles } from './fixtures';

const built = useBuild(HOSTILE);
// citation-js's typings want every input option; only the format is given.
const AS_RIS = { forceType: '@ris/file' } as unknown as ConstructorParameters<typeof Cite>[1];

/** How many entries biber writes back in tool mode (an entry it could not read is not written). */
function biberEntries(bib: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'bibshelf-biber-'));
  try {
    writeFileSync(join(dir, 'refs.bib'), bib);
    spawnSync('biber', ['--tool', '--output-file', 'out.bib', 'refs.bib'], { cwd: dir, encoding: 'utf8' });
    return (readFileSync(join(dir, 'out.bib'), 'utf8').match(/^@/gm) ?? []).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const PAPER_COUNT = hostileFiles().length;

interface CslRecord {
  id: string;
  title?: string;
  DOI?: string;
  author?: unknown[];
}

/** The whole-site CSL-JSON export: the papers as the model holds them, the reference for every other format. */
const csl = (): CslRecord[] => JSON.parse(readBuilt('bibliography.json', built.dir)) as CslRecord[];

type CslName = Record<
  'family' | 'given' | 'suffix' | 'literal' | 'non-dropping-particle' | 'dropping-particle',
  string
>;

/**
 * A name as Better BibTeX's parser gives it: "particles family | given | suffix", or the literal name. Particles and
 * family name go together: parsers split an odd "von" part differently, but no word may leave the name's part.
 */
function readCreator(creator: Creator): string {
  const text = (part: string | undefined) => markupToText(part ?? '');
  if (creator.name !== undefined) return text(creator.name);
  const last = [text(creator.prefix), text(creator.lastName)].filter(Boolean).join(' ');
  return [last, text(creator.firstName), text(creator.suffix)].join(' | ');
}

/** The same for a CSL name; a family name alone reads back from BibTeX as a literal name (written braced whole). */
function cslName(name: CslName): string {
  if (name.literal !== undefined) return name.literal;
  const particles = [name['dropping-particle'], name['non-dropping-particle']].filter(Boolean).join(' ');
  if (!name.given && !particles && !name.suffix && /\s|^others$/i.test(name.family)) return name.family;
  return [[particles, name.family].filter(Boolean).join(' '), name.given ?? '', name.suffix ?? ''].join(' | ');
}

/** Better BibTeX's parser on a .bib text, with the reader's options. */
const parseBib = (bib: string) => parse(bib, PARSE_OPTIONS);

describe('bibliography.bib', () => {
  it('bibtex (plain.bst) formats every entry, with no error and no warning', () => {
    const bib = readBuilt('bibliography.bib', built.dir);
    const report = runBibtex(bib);
    expect(report.errors, report.log).toEqual([]);
    expect(report.warnings, report.log).toEqual([]);
    expect([...report.bbl.matchAll(/\\bibitem\{/g)]).toHaveLength(PAPER_COUNT);
  });

  it('biber reads every entry: no error, no syntax warning (only data-model advice about hostile values)', () => {
    const bib = readBuilt('bibliography.bib', built.dir);
    const report = runBiber(bib);
    expect(report.errors, report.log).toEqual([]);
    expect(
      report.warnings.filter((warning) => !/^WARN - Datamodel: Entry '[^']+' \(refs\.bib\): Invalid /.test(warning)),
      report.log,
    ).toEqual([]);
    expect(biberEntries(bib)).toBe(PAPER_COUNT);
  });

  it("Better BibTeX's parser: no error, one entry per paper, each title and every name back as the paper has them", () => {
    const library = parseBib(readBuilt('bibliography.bib', built.dir));
    expect(library.errors).toEqual([]);
    const records = csl();
    expect(library.entries).toHaveLength(records.length);
    expect(records).toHaveLength(PAPER_COUNT);
    const byKey = new Map(library.entries.map((entry) => [entry.key, entry]));
    for (const record of records) {
      const entry = byKey.get(record.id);
      expect(entry, record.id).toBeDefined();
      if (record.title) expect(markupToText(String(entry!.fields.title)), record.id).toBe(record.title);
      const names = ((entry!.fields.author as Creator[] | undefined) ?? []).map(readCreator);
      expect(names, `${record.id}: ${JSON.stringify(names)}`).toEqual(
        (record.author ?? []).map((name) => cslName(name as CslName)),
      );
    }
    expect(byKey.size).toBe(records.length);
  });

  it('citation-js reads every entry with its title', () => {
    const items = new Cite(readBuilt('bibliography.bib', built.dir)).data as CslRecord[];
    expect(items).toHaveLength(PAPER_COUNT);
    const titles = new Set(items.map((item) => item.title));
    for (const record of csl()) if (record.title) expect(titles, record.id).toContain(record.title);
  });

  it('writes DOIs verbatim (no LaTeX escapes), as biber reads them back', () => {
    const bib = readBuilt('bibliography.bib', built.dir);
    const dois = csl().flatMap((record) => (record.DOI ? [record.DOI] : []));
    expect(dois).toContain(HOSTILE_PAPER.doi);
    for (const doi of dois) {
      // $ (and braces or backslashes, which no DOI here holds) are percent-encoded: a parser would open math on $.
      expect(bib, doi).toContain(`doi = {${doi.replace(/\$/g, '%24')}}`);
    }
    expect(bib).not.toMatch(/doi = \{[^}]*\\/);
  });

  it('per-paper .bib files hold exactly their paper, for every file name (dots, #, ?, %, spaces…)', () => {
    const records = new Map(csl().map((record) => [record.id, record]));
    const pages = listBuilt(built.dir, 'papers').filter((path) => path.endsWith('/index.html'));
    expect(pages).toHaveLength(PAPER_COUNT);
    for (const page of pages) {
      const id = page.split('/')[1];
      const library = parseBib(readBuilt(`papers/${id}.bib`, built.dir));
      expect(library.errors, id).toEqual([]);
      expect(library.entries, id).toHaveLength(1);
      expect(records.has(library.entries[0].key), id).toBe(true);
      const items = new Cite(readBuilt(`papers/${id}.ris`, built.dir), AS_RIS).data as CslRecord[];
      expect(items, id).toHaveLength(1);
      expect(JSON.parse(readBuilt(`papers/${id}.json`, built.dir)), id).toHaveLength(1);
    }
  });
});

describe('bibliography.ris', () => {
  it('citation-js reads one record per paper, titles as the paper has them, however hostile the values', () => {
    const ris = readBuilt('bibliography.ris', built.dir);
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(PAPER_COUNT);
    expect(ris.match(/^ER {2}- ?$/gm)).toHaveLength(PAPER_COUNT);
    // As RIS: citation-js's format sniffing takes a file holding "@misc{" for BibTeX.
    const items = new Cite(ris, AS_RIS).data as CslRecord[];
    expect(items).toHaveLength(PAPER_COUNT);
    expect(items.map((item) => item.title)).toContain(HOSTILE_TITLE);
    expect(items.map((item) => item.title)).not.toContain('injected record');
    // Nothing a reader would take for a control character or a line break inside a value.
    expect(ris.replace(/\r\n/g, '\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  });
});

describe('bibliography.json', () => {
  it('parses, one item per paper, the hostile title and DOI as written', () => {
    const records = csl();
    expect(records).toHaveLength(PAPER_COUNT);
    const hostile = records.find((record) => record.title === HOSTILE_TITLE);
    expect(hostile?.DOI).toBe(HOSTILE_PAPER.doi);
  });
});

describe('feeds and sitemap', () => {
  it('every XML file is well-formed for xmllint', () => {
    const files = listBuilt(built.dir).filter((path) => path.endsWith('.xml'));
    expect(files.length).toBeGreaterThan(10);
    const result = spawnSync('xmllint', ['--noout', ...files.map((path) => join(built.dir, path))], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('items carry the hostile title as text, and their HTML holds nothing the sanitizer removes', () => {
    const feed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(
      readBuilt('rss.xml', built.dir),
    ) as { rss: { channel: { item: { title: string; 'content:encoded': string }[] } } };
    const items = feed.rss.channel.item;
    expect(items.map((item) => String(item.title))).toContain(HOSTILE_TITLE);
    for (const item of items) expect(findUnsafeMarkup(String(item['content:encoded'])), String(item.title)).toEqual([]);
  });
});
