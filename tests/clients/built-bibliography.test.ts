// The built bibliography files through the real programs: bibtex with plain.bst (every entry cited) and
// `biber --tool --validate-datamodel`. The seed's files give no warning at all; the typed site's give only the
// warnings its data explains.
import { describe, expect, it } from 'vitest';
import { SITE_BASE_DIR, SITE_DIR, TYPED_SITE_DIR } from '../helpers/build';
import { runBiber, runBibtex } from '../helpers/bibtex-tools';
import { readSeed } from '../helpers/seed';
import { listBuilt, readBuilt } from '../helpers/site';

const seed = readSeed();
const bibitems = (bbl: string) => [...bbl.matchAll(/\\bibitem\{([^}]+)\}/g)].map((match) => match[1]);
const keysOf = (bib: string) => [...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1]);

describe('the shipped site’s bibliography.bib', () => {
  it.each([SITE_DIR, SITE_BASE_DIR])(
    'bibtex (plain.bst) formats every seed paper without an error or a warning (%s)',
    (dir) => {
      const bib = readBuilt('bibliography.bib', dir);
      const bibtex = runBibtex(bib);
      expect(bibtex.errors, bibtex.log).toEqual([]);
      expect(bibtex.warnings, bibtex.log).toEqual([]);
      expect(bibitems(bibtex.bbl).sort()).toEqual(keysOf(bib).sort());
      expect(bibitems(bibtex.bbl)).toHaveLength(seed.papers);
      // A truncated list is "et al." in the formatted reference, the howpublished repository is there.
      expect(bibtex.bbl).toContain('et~al.');
      expect(bibtex.bbl).toContain('arXiv');
    },
  );

  it('biber validates it against the data model without an error or a warning', () => {
    const biber = runBiber(readBuilt('bibliography.bib'));
    expect(biber.errors, biber.log).toEqual([]);
    expect(biber.warnings, biber.log).toEqual([]);
  });

  it('so do the bibliography files of every list page and every paper', () => {
    const files = listBuilt().filter((file) => file.endsWith('.bib'));
    expect(files.length).toBeGreaterThan(seed.papers + 5);
    // One run for all of them: every per-paper and per-group file, joined.
    const joined = files
      .filter((file) => file.startsWith('papers/'))
      .map((file) => readBuilt(file))
      .join('\n');
    for (const report of [runBibtex(joined), runBiber(joined)]) {
      expect(report.errors, report.log).toEqual([]);
      expect(report.warnings, report.log).toEqual([]);
    }
    for (const file of files.filter((name) => !name.startsWith('papers/') && name !== 'bibliography.bib')) {
      const bibtex = runBibtex(readBuilt(file));
      expect([...bibtex.errors, ...bibtex.warnings], `${file}\n${bibtex.log}`).toEqual([]);
    }
  });
});

describe('the typed site’s bibliography.bib (a paper of every common type)', () => {
  const bib = readBuilt('bibliography.bib', TYPED_SITE_DIR);

  it('bibtex (plain.bst) formats every entry; it warns only that the manuscript has no note', () => {
    const bibtex = runBibtex(bib);
    expect(bibtex.errors, bibtex.log).toEqual([]);
    // plain.bst's @unpublished requires a note; the fixture's manuscript has none (and nothing is invented).
    expect(bibtex.warnings, bibtex.log).toEqual(['Warning--empty note in lovelacendnotes']);
    expect(bibitems(bibtex.bbl).sort()).toEqual(keysOf(bib).sort());
  });

  it('biber warns only where the data explains it: an edited book as @book, an undated manuscript', () => {
    const biber = runBiber(bib);
    expect(biber.errors, biber.log).toEqual([]);
    expect(biber.warnings, biber.log).toEqual([
      "WARN - Datamodel: Entry 'indurkhya2010handbook' (refs.bib): Missing mandatory field 'author'",
      "WARN - Datamodel: Entry 'lovelacendnotes' (refs.bib): Missing mandatory field - one of 'date, year' must be defined",
    ]);
  });
});
