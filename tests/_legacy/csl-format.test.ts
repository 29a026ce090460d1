import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSyntheticPapers } from '../bench/synthetic.mjs';
import { formatCitationStyles } from '../src/lib/citation-styles';
import { buildCitations } from '../src/lib/citations';
import { toCslItem, type CslItem } from '../src/lib/csl';
import { formatApa, formatVancouver } from '../src/lib/csl-format';
import type { Paper } from '../src/lib/paper';
import type { PaperInput } from '../src/lib/schema';
import { ROOT } from './helpers/build';
import { formatWithCiteproc } from './helpers/citeproc';
import { makePaper, parsePaperText } from './helpers/papers';

const pageUrl = (id: string) => `https://example.org/bib/papers/${id}/`;

/** A paper's CSL item as the site builds it, with its truncation flag. */
function entryOf(id: string, fields: Partial<PaperInput>): { item: CslItem; truncated: boolean } {
  const paper = makePaper(id, fields);
  return { item: toCslItem(paper, id, pageUrl(id)), truncated: paper.authorsTruncated };
}

/** Expects the fast formatters to produce exactly what citeproc produces, entry by entry. */
function expectSameAsCiteproc(entries: readonly { item: CslItem; truncated: boolean }[]): void {
  const oracle = formatWithCiteproc(entries);
  const fast = formatCitationStyles(entries);
  for (const { item } of entries) expect(fast.get(item.id), item.id).toEqual(oracle.get(item.id));
}

const many = (count: number) => Array.from({ length: count }, (_, i) => `Author${i + 1} Name${i + 1}`);

/** Tricky papers, by what they exercise. */
const TABLE: [string, Partial<PaperInput>][] = [
  ['a plain preprint', { title: 'Sparse Attention', authors: ['Zhengfu He', 'Tianxiang Sun'] }],
  ['one author', { authors: ['Ada Lovelace'] }],
  ['two authors', { authors: ['Ada Lovelace', 'Charles Babbage'] }],
  ['particles', { authors: ['Pieter van der Berg', 'Ludwig van Beethoven', 'Charles de Gaulle', 'Abu al-Ghazali'] }],
  ['particles in comma form', { authors: ['van der Berg, Pieter', 'de la Cruz, Juan', 'Le Roux, Éamon'] }],
  ['hyphenated given names', { authors: ['Ana-María López', 'Jae-won Kim', 'Jean-Luc Picard', 'Min-jun Park'] }],
  ['initials', { authors: ['J. R. R. Tolkien', 'J.R.R. Tolkien', 'JRR Tolkien', 'W. E. B. Du Bois'] }],
  ['suffixes', { authors: ['King, Martin Luther, Jr.', 'Gates, William, III'] }],
  ['apostrophes', { authors: ["John O'Neil", "Marie-Claire d'Arcy", "Ngũgĩ wa Thiong'o"] }],
  ['CJK names', { authors: ['张伟', '张 伟', '李娜 Smith', 'Wei 张'] }],
  ['Greek and Cyrillic names', { authors: ['Δημήτρης Παπαδόπουλος', 'Ольга Иванова', 'Łukasz Ćwik', 'Zoë Ødegaard'] }],
  ['literal names', { authors: ['Nex-AGI Team', 'Yuxuan Cai', 'Plato'] }],
  ['an organization last', { authors: ['Yuxuan Cai', 'Nex-AGI Team'] }],
  ['a truncated list', { authors: ['Zhengfu He', 'Tianxiang Sun', 'Kuanning Wang'], authorsTruncated: true }],
  ['a truncated single author', { authors: ['Nex-AGI Team'], authorsTruncated: true }],
  ['6 authors', { authors: many(6) }],
  ['7 authors (Vancouver: et al.)', { authors: many(7) }],
  ['6 authors, truncated', { authors: many(6), authorsTruncated: true }],
  ['19 authors, truncated', { authors: many(19), authorsTruncated: true }],
  ['20 authors', { authors: many(20) }],
  ['20 authors, truncated (APA: … et al.)', { authors: many(20), authorsTruncated: true }],
  ['21 authors (APA: first 19, …, last)', { authors: many(21) }],
  ['30 authors', { authors: many(30) }],
  ['title with & < > "', { title: 'Q&A <on> "quoted" >_<' }],
  ['title with LaTeX specials', { title: 'The $O(n^2)$ cost of {Braces}, x_i and 50% \\alpha #1 ~ ^' }],
  ['title ending in ?', { title: 'Does It Scale?' }],
  ['title ending in !', { title: 'It Scales!' }],
  ['title ending in .', { title: 'It scales, etc.' }],
  ['title ending in :', { title: 'Scaling:' }],
  ['title with markup', { title: 'On <i>Drosophila</i> and <b>bold</b> x<sup>2</sup> <sc>Caps</sc>' }],
  ['title with quotes', { title: 'Say "hello," then \'bye\' and “curly” it’s' }],
  ['title with single dollars', { title: 'The $O(n)$ bound and $5 models' }],
  ['title with superscripts', { title: 'R² and x³ with ™' }],
  ['CJK title', { title: '中文标题' }],
  ['conference paper', { venue: 'Proceedings of the ACL', title: 'Prompt Tuning' }],
  ['conference paper, lowercase venue', { venue: 'proceedings of the state-of-the-art in nlp' }],
  ['conference paper ending in ?', { venue: 'What Is NLP?', title: 'Why?' }],
  ['conference paper with DOI', { venue: 'NeurIPS', doi: '10.5555/3495724.3496517' }],
  ['conference paper with arXiv', { venue: 'NeurIPS', arxiv: '2211.15029' }],
  ['conference paper with DOI and arXiv', { venue: 'ICML 2023', doi: '10.1234/x', arxiv: '2211.15029v2' }],
  ['preprint with DOI', { doi: '10.48550/arXiv.2211.15029' }],
  ['preprint with arXiv', { arxiv: '2211.15029' }],
  ['preprint with DOI and arXiv', { doi: '10.1234/a_b', arxiv: '2211.15029' }],
  ['old-style arXiv ids', { arxiv: 'hep-th/9901001v2' }],
  ['old-style arXiv id with subject class', { arxiv: 'q-bio.NC/0401001' }],
  ['old-style arXiv id at a conference', { venue: 'V', arxiv: 'cond-mat/0101001' }],
  ['DOI with special characters', { doi: '10.1002/(SICI)1097-4636<1>3.0.CO;2-#"&\'' }],
  ['a year below 500 (era)', { date: '0050-03-04' }],
  ['a year below 500 at a conference', { date: '0499-12-31', venue: 'V' }],
  ['year 0 (no year)', { date: '0000-06-01', venue: 'V', arxiv: '2211.15029' }],
  ['an author list without a name (APA puts the title first)', { authors: [','], arxiv: '2211.15029' }],
];

describe('formatApa and formatVancouver', () => {
  it.each(TABLE.map(([label, fields], i) => [label, fields, i] as const))(
    'match citeproc on %s',
    (_label, fields, i) => {
      expectSameAsCiteproc([entryOf(`t${i}`, fields)]);
    },
  );

  it('format the known cases exactly', () => {
    const preprint = entryOf('a', {
      title: 'What is it?',
      authors: ['Ana-María van der Berg', 'Jae-won Kim'],
      date: '2022-11-28',
      arxiv: '2211.15029',
    });
    expect(formatApa(preprint.item, false)).toBe(
      'van der Berg, A.-M., &#38; Kim, J. (2022). <i>What is it?</i> (arXiv:2211.15029). arXiv. https://arxiv.org/abs/2211.15029',
    );
    expect(formatVancouver(preprint.item, false)).toBe(
      'van der Berg AM, Kim J won. What is it? [Internet]. arXiv; 2022. Available from: https://arxiv.org/abs/2211.15029',
    );
    const conference = entryOf('b', {
      title: 'Q&A',
      authors: ['Nex-AGI Team', 'Yuxuan Cai'],
      authorsTruncated: true,
      date: '2023-07-09',
      venue: 'proceedings of the acl',
      doi: '10.1234/x',
    });
    expect(formatApa(conference.item, true)).toBe(
      'Nex-AGI Team, Cai, Y., et al. (2023, July 9). Q&#38;A. <i>Proceedings of the Acl</i>. https://doi.org/10.1234/x',
    );
    expect(formatVancouver(conference.item, true)).toBe(
      'Nex-AGI Team, Cai Y, et al. Q&#38;A. In: proceedings of the acl [Internet]. 2023. Available from: https://example.org/bib/papers/b/ doi:10.1234/x',
    );
  });

  it('match citeproc on every shipped paper', () => {
    const dir = join(ROOT, 'src/content/papers');
    const papers: Paper[] = readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .map((file) => parsePaperText(file.replace(/\.md$/, ''), readFileSync(join(dir, file), 'utf8')));
    expect(papers).toHaveLength(14);
    const citations = buildCitations(papers, (paper) => pageUrl(paper.id));
    const entries = papers.map((paper) => ({ item: citations.get(paper.id)!.csl, truncated: paper.authorsTruncated }));
    const oracle = formatWithCiteproc(entries);
    for (const paper of papers) {
      const { csl, styles } = citations.get(paper.id)!;
      expect(styles, paper.id).toEqual(oracle.get(csl.id));
    }
  });

  it('match citeproc on synthetic benchmark papers', () => {
    const entries = makeSyntheticPapers(200, 7).map(({ id, text }) => {
      const paper = parsePaperText(id, text);
      return { item: toCslItem(paper, id, pageUrl(id)), truncated: paper.authorsTruncated };
    });
    expectSameAsCiteproc(entries);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Random papers: anything the schema accepts, biased towards what real bibliographies hold.

const chars = (alphabet: string) => fc.constantFrom(...Array.from(alphabet));
const LATIN = 'abcdefghijklmnopqrstuvwxyzáàâäãåçéèêëíìîïñóòôöõøúùûüýÿłśźżćńőűğışœæß';
const GREEK = 'αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ';
const CYRILLIC = 'абвгдежзийклмнопрстуфхцчшщыэюяё';
const CJK = '张王李赵刘陈杨黄周吴伟芳娜洋静敏明华山田中村';
const capitalized = (word: string) => word.charAt(0).toLocaleUpperCase('en-US') + word.slice(1);
const wordIn = (alphabet: string, max = 9) =>
  fc.string({ unit: chars(alphabet), minLength: 1, maxLength: max }).map(capitalized);
const nameWord = fc.oneof(
  { weight: 6, arbitrary: wordIn(LATIN) },
  { weight: 1, arbitrary: wordIn(GREEK) },
  { weight: 1, arbitrary: wordIn(CYRILLIC) },
);
const givenName = fc.oneof(
  { weight: 5, arbitrary: nameWord },
  // Ana-María, Jae-won
  {
    weight: 2,
    arbitrary: fc.tuple(nameWord, nameWord, fc.boolean()).map(([a, b, lower]) => `${a}-${lower ? b.toLowerCase() : b}`),
  },
  { weight: 1, arbitrary: fc.tuple(nameWord, nameWord).map(([a, b]) => `${a} ${b}`) },
  { weight: 1, arbitrary: nameWord.map((word) => `${word[0]}.`) },
);
const PARTICLES = ['van', 'van der', 'de', 'de la', 'von', 'da', 'di', 'du', 'dos', 'al-', "d'", 'ten', 'zu'];
const familyName = fc.oneof(
  { weight: 6, arbitrary: nameWord },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...PARTICLES), nameWord)
      .map(([particle, word]) => (/[-']$/.test(particle) ? particle + word : `${particle} ${word}`)),
  },
  { weight: 1, arbitrary: fc.tuple(nameWord, nameWord).map(([a, b]) => `${a}-${b}`) },
  { weight: 1, arbitrary: nameWord.map((word) => `O'${word}`) },
);
const authorName = fc
  .oneof(
    { weight: 8, arbitrary: fc.tuple(givenName, familyName).map(([given, family]) => `${given} ${family}`) },
    { weight: 2, arbitrary: fc.tuple(familyName, givenName).map(([family, given]) => `${family}, ${given}`) },
    { weight: 1, arbitrary: fc.tuple(familyName, givenName).map(([family, given]) => `${family}, ${given}, Jr.`) },
    // Single words (one-word names and CJK names stay literal).
    { weight: 1, arbitrary: nameWord },
    { weight: 1, arbitrary: wordIn(CJK, 3) },
    { weight: 1, arbitrary: fc.tuple(wordIn(CJK, 1), wordIn(CJK, 2)).map(([a, b]) => `${a} ${b}`) },
    { weight: 1, arbitrary: fc.tuple(nameWord, fc.constantFrom('Team', 'Lab', 'Consortium')).map((w) => w.join(' ')) },
    // Anything at all.
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
  )
  .filter((name) => name.trim().length > 0);

const TITLE_PIECES = [
  '&',
  '<',
  '>',
  '"',
  "'",
  '“',
  '”',
  '‘',
  '’',
  '{',
  '}',
  '_',
  '$',
  '\\',
  '%',
  '#',
  '^',
  '~',
  '(',
  ')',
  '[',
  ']',
  ':',
  ';',
  ',',
  '.',
  '?',
  '!',
  '-',
  '—',
  '…',
  '²',
  '<i>',
  '</i>',
  '<b>',
  '</b>',
  '<sc>',
  '</sc>',
  '<sup>',
  '</sup>',
  '<sub>',
  '</sub>',
  '<span class="nocase">',
  '</span>',
  "it's",
  'x_i',
  '$x^2$',
  '\\alpha',
  '{BERT}',
  'Q&A',
  'of',
  'the',
  'and',
  'a',
  'vs.',
  'state-of-the-art',
  'GPT-2',
  'LLMs',
  'résumé',
  'naïve',
];
const titleWord = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: chars(LATIN), minLength: 1, maxLength: 10 }) },
  { weight: 2, arbitrary: nameWord },
  { weight: 1, arbitrary: wordIn(CJK, 4) },
  { weight: 4, arbitrary: fc.constantFrom(...TITLE_PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) },
);
const titleText = fc
  .tuple(
    fc.array(fc.tuple(titleWord, fc.constantFrom(' ', ' ', ' ', '', ': ', ', ')), { minLength: 1, maxLength: 10 }),
    fc.constantFrom('', '', '?', '!', '.', ':', '...', '?"'),
  )
  .map(([words, end]) => `${words.map(([word, separator]) => word + separator).join('')}${end}`.trim())
  .filter((title) => title.length > 0);
const isoDate = fc
  .oneof(
    {
      weight: 8,
      arbitrary: fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
    },
    {
      weight: 1,
      arbitrary: fc.date({ min: new Date('0000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
    },
  )
  .map((date) => date.toISOString().slice(0, 10));
const doi = fc
  .tuple(fc.integer({ min: 1000, max: 999_999_999 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }))
  .map(([registrant, suffix]) => `10.${registrant}/${suffix.replace(/\s/g, '') || 'x'}`);
const arxiv = fc.stringMatching(/^(\d{4}\.\d{4,5}|[a-z-]{1,10}(\.[A-Z]{2})?\/\d{7})(v\d{1,2})?$/);

const randomPaper = fc.record(
  {
    title: titleText,
    authors: fc.array(authorName, { minLength: 1, maxLength: 30 }),
    authorsTruncated: fc.boolean(),
    date: isoDate,
    venue: titleText,
    doi,
    arxiv,
  },
  { requiredKeys: ['title', 'authors', 'authorsTruncated', 'date'] },
);

// citeproc fills its italic/bold templates with `String.replace(pattern, html)`, so `$&`, `$$`, `` $` `` and `$'`
// in the escaped HTML of italic text become replacement patterns (`$&` turns into `%%STRING%%`; `$<`, `$>` and
// `$&` are `$&#60;`… once escaped). Bibshelf keeps the text; random papers with a `$` before one of these
// characters are compared against citeproc only where citeproc is right.
const CITEPROC_REPLACEMENT_BUG = /\$[$&`'<>"]/;

describe('formatApa and formatVancouver with dollar signs', () => {
  it("keep `$&`, `$$`, `` $` `` and `$'` in italic titles as written (citeproc garbles them)", () => {
    const entry = entryOf('d', { title: "Costs $& and $$x$$ and $` or $'" });
    const apa = formatCitationStyles([entry]).get(entry.item.id)!.apa;
    expect(apa).toContain('<i>Costs $&#38; and $$x$$ and $` or $’</i>');
    expect(apa).not.toContain('%%STRING%%');
    expect(formatWithCiteproc([entry]).get(entry.item.id)!.apa).toContain('%%STRING%%');
  });
});

describe('formatApa and formatVancouver on random papers', () => {
  it('match citeproc exactly', () => {
    fc.assert(
      fc.property(randomPaper, (fields) => {
        fc.pre(!CITEPROC_REPLACEMENT_BUG.test(`${fields.title} ${fields.venue ?? ''}`));
        const entry = entryOf('random', fields);
        expect(formatCitationStyles([entry]).get('random')).toEqual(formatWithCiteproc([entry]).get('random'));
      }),
      { numRuns: 300 },
    );
  });
});
