// The importer's decisions (src/tools/import.ts), on the files as an editor gives them: citation keys, generated
// keys, duplicates, key collisions, @string and crossref, plain-text formats, DOIs, and the report's lines. The
// command itself, real files nobody here wrote and re-imports of built exports are in import-cli.test.ts.
import { describe, expect, it } from 'vitest';
import { load as loadYaml } from 'js-yaml';
import { createPaperSchema } from '../../src/domain/schema';
import { createTaxonomy } from '../../src/domain/taxonomy';
import { validatePaperFile } from '../../src/domain/paper-file';
import { ImportFileError, detectFormat, planImport, type ExistingPaper, type ImportPlan } from '../../src/tools/import';
import { formatBibtexEntry, joinBibtex } from '../../src/formats/bibtex';
import { makePapers } from '../helpers/model';
import { TEST_TAXONOMY_OPTIONS } from '../helpers/model';

const taxonomy = createTaxonomy(TEST_TAXONOMY_OPTIONS);
const schema = createPaperSchema({ taxonomy });
const options = { schema, taxonomy, force: false };
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Plans an import of in-memory files into a folder holding `existing`. */
function plan(files: Record<string, string>, existing: ExistingPaper[] = []): ImportPlan {
  return planImport(
    Object.entries(files).map(([file, text]) => ({ file, bytes: utf8(text) })),
    existing,
    options,
  );
}

/** The front matter of a planned file, as YAML reads it. */
function frontMatterOf(result: ImportPlan, id: string): Record<string, unknown> {
  const write = result.writes.find((file) => file.id === id);
  if (!write) throw new Error(`no ${id}.md planned; planned: ${result.writes.map((file) => file.id).join(', ')}`);
  return loadYaml(write.markdown.split('---\n')[1]) as Record<string, unknown>;
}

/** A paper file of the folder, as the folder reader gives it to the importer. */
function existingPaper(file: string, markdown: string): ExistingPaper {
  const read = validatePaperFile(file, markdown, schema);
  if ('problems' in read) throw new Error(JSON.stringify(read.problems));
  return { id: read.id, file, data: read.data };
}

describe('citation keys', () => {
  it('keeps every key BibTeX accepts as written; the page id is the key made a file name', () => {
    const result = plan({
      'refs.bib': `@article{Müller:2020/a, title = {One}, author = {Müller, Jörg}, year = 2020}
@book{baez/article, title = {Two}, author = {Baez, John}, year = 2021}
@misc{x_y-z.1+2, title = {Three}, author = {Ng, Andrew}, year = 2022}
`,
    });
    expect(result.blocking).toEqual([]);
    expect(result.writes.map((file) => file.id)).toEqual(['muller-2020-a', 'baez-article', 'x_y-z.1-2']);
    expect(result.writes.map((file) => frontMatterOf(result, file.id).citationKey)).toEqual([
      'Müller:2020/a',
      'baez/article',
      'x_y-z.1+2',
    ]);
  });

  it('gives a RIS record without ID and a CSL item without id the same readable key on every run', () => {
    const ris = 'TY  - JOUR\r\nTI  - The First Record\r\nAU  - Hopper, Grace\r\nPY  - 2019\r\nER  - \r\n';
    const json = JSON.stringify([{ type: 'book', title: 'A Book Without Id', author: [{ family: 'Knuth' }] }]);
    const first = plan({ 'a.ris': ris, 'b.json': json });
    const second = plan({ 'a.ris': ris, 'b.json': json });
    expect(first.writes.map((file) => file.id)).toEqual(['hopper2019first', 'knuthndbook']);
    expect(second.writes).toEqual(first.writes);
    // No key is written for them: the build gives the same generated key the id was made from.
    for (const file of first.writes) expect(frontMatterOf(first, file.id).citationKey).toBeUndefined();
  });

  it('writes down the key the site makes for an entry whose own key cannot be kept, free of every other key', () => {
    // The folder's paper has no citationKey: the build generates chung1999note for it, so that key is taken.
    const folder = [
      existingPaper('chung.md', '---\ntitle: "A Note on Games"\nauthors: ["Kim-Sau Chung"]\ndate: 1999\n---\n'),
    ];
    const result = plan(
      {
        'econ.bib': `@article{Chung-1999-ANote's, title = {A Note on Regularity}, author = {Chung, Kim-Sau}, year = 1999}
@article{Chung-1999-ANote'', title = {A Note on Something Else}, author = {Chung, Kim-Sau}, year = 1999}
@article{chung1999noted, title = {Given as written}, author = {Chung, Kim-Sau}, year = 1999}
`,
      },
      folder,
    );
    expect(result.blocking).toEqual([]);
    expect(result.writes.map((file) => [file.id, frontMatterOf(result, file.id).citationKey])).toEqual([
      ['chung1999noteb', 'chung1999noteb'],
      ['chung1999notec', 'chung1999notec'],
      ['chung1999noted', 'chung1999noted'],
    ]);
    expect(result.report.join('\n')).toMatch(
      /the citation key "Chung-1999-ANote's" cannot be kept \(.*\); written with the citation key "chung1999noteb" instead/,
    );
  });

  it('stops the whole import when two imported entries share a key, or one takes a key of the folder', () => {
    const bib = '@article{same2020, title = {From the BibTeX file}, author = {A, B}, year = 2020}\n';
    const ris = 'TY  - JOUR\r\nID  - same2020\r\nTI  - From the RIS file\r\nAU  - C, D\r\nPY  - 2020\r\nER  - \r\n';
    const twice = plan({ 'a.bib': bib, 'b.ris': ris });
    expect(twice.blocking).toEqual([
      'citation key "same2020" of b.ris:1 (same2020) is already used by a.bib:1 (same2020)',
    ]);

    // The folder's paper has no citationKey: the key the build generates for it (he2022diffusionbert) is taken too.
    const folder = [
      existingPaper(
        'diffusionbert.md',
        '---\ntitle: "DiffusionBERT"\nauthors: ["Zhengfu He"]\ndate: 2022-11-28\ncategory: CL\n---\n',
      ),
    ];
    const taken = plan(
      { 'c.bib': '@misc{he2022diffusionbert, title = {Another Work}, author = {X, Y}, year = 2019}\n' },
      folder,
    );
    expect(taken.blocking).toEqual([
      'citation key "he2022diffusionbert" of c.bib:1 (he2022diffusionbert) is already used by diffusionbert.md',
    ]);
    // Case does not make a key another: BibTeX compares keys without case.
    const cased = plan(
      { 'd.bib': '@misc{HE2022DiffusionBERT, title = {Yet Another}, author = {X, Y}, year = 2018}\n' },
      folder,
    );
    expect(cased.blocking).toHaveLength(1);
  });
});

describe('duplicates', () => {
  const folder = [
    existingPaper(
      'diffusionbert.md',
      '---\ntype: article\ntitle: "DiffusionBERT: Improving Generative Masked Language Models"\nauthors: ["Zhengfu He"]\ndate: 2022-11-28\narxiv: "2211.15029"\ndoi: 10.48550/arXiv.2211.15029\ncategory: CL\n---\n',
    ),
  ];

  it('match on DOI (any case, or given as a URL), on the arXiv id without version, or on title + year + type', () => {
    const result = plan(
      {
        'refs.bib': `@misc{bydoi, title = {Another Title}, author = {X, Y}, year = 2020, doi = {https://doi.org/10.48550/ARXIV.2211.15029}}
@misc{byarxiv, title = {Yet Another Title}, author = {X, Y}, year = 2021, eprint = {arXiv:2211.15029v3}, archiveprefix = {arXiv}}
@misc{bytitle, title = {Diffusion{BERT} -- improving generative, masked language models!}, author = {He, Zhengfu}, year = 2022, entrysubtype = {preprint}, note = {Has a note}}
`,
      },
      folder,
    );
    expect(result.writes).toEqual([]);
    expect(result.counts.duplicate).toBe(3);
    expect(result.report).toEqual([
      '- refs.bib:1 (bydoi): skipped, duplicate of diffusionbert.md (same DOI)',
      '- refs.bib:2 (byarxiv): skipped, duplicate of diffusionbert.md (same arXiv id)',
      '- refs.bib:3 (bytitle): skipped, duplicate of diffusionbert.md (same title, year and type); fields it has that the other lacks, not imported: note',
    ]);
  });

  it('keep distinct works of one title: another year, another type, or no date against a dated one', () => {
    const result = plan(
      {
        'refs.bib': `@misc{later, title = {DiffusionBERT: Improving Generative Masked Language Models}, author = {He, Zhengfu}, year = 2023}
@inproceedings{proceedings, title = {DiffusionBERT: Improving Generative Masked Language Models}, author = {He, Zhengfu}, year = 2022, booktitle = {Proceedings of ACL}}
@misc{undated, title = {DiffusionBERT: Improving Generative Masked Language Models}, author = {He, Zhengfu}}
@misc{undated2, title = {DiffusionBERT: improving generative masked language models}, author = {He, Zhengfu}}
`,
      },
      folder,
    );
    expect(result.writes.map((file) => file.id)).toEqual(['later', 'proceedings', 'undated']);
    expect(result.report.at(-1)).toBe(
      '- refs.bib:4 (undated2): skipped, duplicate of refs.bib:3 (undated) (same title, year and type)',
    );
  });
});

describe('BibTeX syntax an editor meets', () => {
  it('expands multi-line and parenthesised @string macros and concatenations, and resolves crossref', () => {
    const result = plan({
      'refs.bib': `@string(acl = "Proceedings of the 61st Annual Meeting
    of the Association for Computational Linguistics")
@STRING{ pub = {Association for } # "Computational Linguistics" }
@inproceedings(child2023,
  title = {A Child Paper},
  author = {Lee, Ann},
  crossref = {parent2023},
  pages = {1--10}
)
@proceedings{parent2023,
  title = acl,
  year = 2023,
  publisher = pub # {, Toronto},
  editor = {Rogers, Anna}
}
`,
    });
    expect(result.counts.failed).toBe(0);
    expect(frontMatterOf(result, 'child2023')).toMatchObject({
      type: 'paper-conference',
      containerTitle: 'Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics',
      publisher: 'Association for Computational Linguistics, Toronto',
      editors: ['Anna Rogers'],
      date: '2023',
      pages: '1–10',
      extra: { crossref: 'parent2023' },
    });
    expect(frontMatterOf(result, 'parent2023')).toMatchObject({
      type: 'book',
      title: 'Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics',
    });
  });
});

describe('plain-text formats are not LaTeX', () => {
  const title = 'Costs of $5 and $10 ~ roughly 50% of {all} \\emph{them} & more_here';

  it('keeps $ pairs, ~, %, braces, backslashes and _ of RIS and CSL-JSON as typed', () => {
    const result = plan({
      'a.ris': `TY  - JOUR\r\nID  - risplain\r\nTI  - ${title}\r\nAU  - Smith, John\r\nPY  - 2020\r\nER  - \r\n`,
      'b.json': JSON.stringify([
        {
          id: 'cslplain',
          type: 'article-journal',
          title,
          author: [{ family: 'Smith' }],
          issued: { 'date-parts': [[2021]] },
        },
      ]),
    });
    expect(result.report.join('\n')).not.toMatch(/✗/);
    expect(frontMatterOf(result, 'risplain').title).toBe(title);
    expect(frontMatterOf(result, 'cslplain').title).toBe(title);
  });

  it('while BibTeX reads the same characters as LaTeX', () => {
    const result = plan({
      'c.bib': '@misc{bib, title = {Costs of \\$5 and~\\$10 \\emph{them}}, author = {S, J}, year = 2020}\n',
    });
    expect(frontMatterOf(result, 'bib').title).toBe('Costs of $5 and\u00a0$10 them');
  });
});

describe('DOIs', () => {
  it('are never LaTeX-escaped, and stay the same over three BibTeX round trips', async () => {
    const doi = '10.1162/rest_a_00793';
    let bib = `@article{doi1, title = {Underscored}, author = {Roe, R}, year = 2019, journal = {Review}, doi = {${doi}}}
@article{doi2, title = {Escaped by another tool}, author = {Roe, R}, year = 2018, journal = {Review}, doi = {10.1162/rest\\_a\\_00794}}
`;
    for (let round = 0; round < 3; round++) {
      const result = plan({ 'refs.bib': bib });
      expect(frontMatterOf(result, 'doi1').doi).toBe(doi);
      expect(frontMatterOf(result, 'doi2').doi).toBe('10.1162/rest_a_00794');
      const papers = await makePapers(
        result.writes.map((file) => ({ file: `${file.id}.md`, frontMatter: frontMatterOf(result, file.id) })),
      );
      bib = joinBibtex(
        papers.map((paper) => formatBibtexEntry(paper, { siteFields: true })),
        'refs.bib',
      );
      expect(bib).toContain(`doi = {${doi}}`);
      expect(bib).toContain('doi = {10.1162/rest_a_00794}');
      expect(bib).not.toMatch(/doi = \{[^}]*\\/);
    }
  });
});

describe('the report', () => {
  it('has a line for every entry: written (with what was kept in extra or normalised), skipped, or failed with file, line and field', () => {
    const result = plan({
      'refs.bib': `@set{group, entryset = {good2020}}
@article{good2020, title = {Good}, author = {Lovelace, Ada}, year = 2020, journal = {J}, abbr = {NeurIPS}, urldate = {2024-01-02}, file = {paper.pdf}, doi = {https://doi.org/10.1000/ABC}}
@article{baddate, title = {Bad Date}, author = {Lovelace, Ada}, year = {twenty}, journal = {J}}
@misc{notitle, year = 2021}
@article{broken, title = {Unbalanced {braces, year = 2020}
`,
      'refs.ris':
        'TY  - JOUR\r\nID  - risx\r\nTI  - With a custom tag\r\nAU  - Smith, J\r\nPY  - 2020\r\nZZ  - custom value\r\nER  - \r\n',
      'refs.json': JSON.stringify([
        {
          id: 'cslx',
          type: 'article-journal',
          title: 'With a variable',
          author: [{ family: 'S' }],
          'my-variable': 'v',
        },
      ]),
    });
    const line = (key: string) => result.report.filter((text) => text.includes(`(${key})`));
    expect(line('group')).toEqual([expect.stringMatching(/^- refs\.bib:1 \(group\): skipped: a @set only groups/)]);
    expect(line('good2020')).toEqual([
      expect.stringMatching(/^✓ refs\.bib:2 \(good2020\): writes good2020\.md \(.*\)$/),
    ]);
    expect(line('good2020')[0]).toMatch(/doi "https:\/\/doi\.org\/10\.1000\/ABC" read as the bare DOI 10\.1000\/ABC/);
    expect(line('good2020')[0]).toMatch(/kept in extra: .*file/);
    expect(line('baddate')).toEqual([
      expect.stringMatching(/^✓ refs\.bib:3 \(baddate\): writes baddate\.md \(.*year.*\)$/),
    ]);
    expect(line('notitle')).toEqual([expect.stringMatching(/^✗ refs\.bib:4 \(notitle\): title: is required unless/)]);
    expect(line('broken')).toEqual([expect.stringMatching(/^✗ refs\.bib:5 \(broken\): /)]);
    expect(line('risx')).toEqual([expect.stringMatching(/^✓ refs\.ris:1 \(risx\): writes risx\.md \(.*ZZ.*\)$/)]);
    expect(line('cslx')).toEqual([
      expect.stringMatching(/^✓ refs\.json:\d+ \(cslx\): writes cslx\.md \(.*my-variable.*\)$/),
    ]);
    expect(result.report).toHaveLength(7);
    expect(result.counts).toEqual({ imported: 4, replaced: 0, exists: 0, duplicate: 0, container: 1, failed: 2 });
    // What was not mapped is kept, not dropped: the custom RIS tag and CSL variable are in extra.
    expect(frontMatterOf(result, 'risx').extra).toEqual({ 'ris-zz': 'custom value' });
    expect(JSON.stringify(frontMatterOf(result, 'cslx').extra)).toContain('"v"');
    expect(frontMatterOf(result, 'good2020')).toMatchObject({
      extra: { abbr: 'NeurIPS', file: 'paper.pdf' },
      accessed: '2024-01-02',
    });
  });

  it('refuses a file it cannot read, or whose format it cannot tell, as a whole', () => {
    expect(() => plan({ 'x.json': '[{"id": 1,' })).toThrow(ImportFileError);
    expect(() => plan({ 'x.json': '[{"id": 1,' })).toThrow(/^x\.json: not JSON/);
    expect(() => detectFormat('notes.txt', 'hello')).toThrow(/cannot tell the format/);
    expect(detectFormat('export', 'TY  - JOUR\r\n')).toBe('ris');
    expect(detectFormat('export', '@article{x,')).toBe('bibtex');
    expect(detectFormat('export', ' [{"id": "x"}]')).toBe('csl-json');
  });
});
