// The adversarial fixture folders, written at test time: file names such as `q?mark.md` or `back\slash.md`, and
// Latin-1 or UTF-16 bytes, cannot live in a repository every OS checks out. HOSTILE_FILES all build (and their
// hostility must not leak into any output); INVALID_FILES must each stop the build and `npm run check`, naming the
// file and the field.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers/build';

/** One file of a fixture folder: its name (may hold a sub-folder) and its bytes. */
export interface FixtureFile {
  name: string;
  bytes: string | Buffer;
}

/** A file that must fail validation: the field named in the message and what the message says. */
export interface InvalidFile extends FixtureFile {
  field: string;
  message: RegExp;
}

const file = (front: string, abstract = ''): string => `---\n${front.trim()}\n---\n\n${abstract}`;
const plain = (title: string, extra = ''): string =>
  file(`title: ${JSON.stringify(title)}\nauthors: ['Ada Lovelace']\ndate: 2024-01-15\n${extra}`);

/** A 290-character name: Latin letters, and CJK Extension B letters of four UTF-8 bytes each. */
export const LONG_LATIN_NAME = `Ann ${'Verylongfamilyname'.repeat(16)}`.slice(0, 290);
export const LONG_CJK_NAME = '𠀀𠀁𠀂𠀃𠀄'.repeat(58);

/** Titles whose markup, braces and BibTeX syntax must stay text everywhere. */
export const HOSTILE_TITLE = `<script>alert("title")</script><img src=x onerror=alert("title-img")> Closing }, note = {injected} @misc{evil,`;

/** Title, names and identifiers of the paper that attacks every field at once. */
export const HOSTILE_PAPER = {
  title: HOSTILE_TITLE,
  authors: [
    '<img src=x onerror=alert("author")> Mallory',
    'Tom and Jerry Smith',
    { family: 'King, Jr.', given: 'Martin, Luther' },
    { family: 'Smith', given: 'Tom and Jerry' },
    { literal: 'Smith and Sons, Ltd. }, author = {Eve' },
  ],
  doi: '10.1000/a_b#c%d~e&f^g$h',
  url: 'https://example.org/?q=<script>alert("url")</script>&x={y}',
};

/** DOIs holding characters a URL or LaTeX reads specially; each must reach BibTeX, CSL and links verbatim. */
export const HOSTILE_DOIS = ['10.1007/978-3-030-58452-8_13', '10.1000/hash#frag', '10.1000/pct%20ok', '10.1000/a~b'];

/** CJK papers: each word listed must be findable by search. */
export const CJK_PAPERS = [
  {
    name: 'cjk-chinese.md',
    title: '大型语言模型的可解释性研究',
    abstract: '本文研究稀疏自编码器在机器翻译中的应用，并分析GPT模型中注意力头的作用。',
    words: ['稀疏', '自编码器', '稀疏自编码器', '机器翻译', '应用', '注意力', '可解释性', 'GPT模型'],
    language: 'zh-CN',
  },
  {
    name: 'cjk-japanese.md',
    title: '言語モデルの解釈可能性に関する研究',
    abstract: '本論文では、大規模言語モデルの内部表現を分析し、東京大学の研究者と共同で評価した。',
    words: ['言語モデル', '解釈可能性', '内部表現', '東京大学', '東京', '評価', 'モデル'],
    language: 'ja',
  },
  {
    name: 'cjk-korean.md',
    title: '언어 모델의 해석 가능성',
    abstract: '이 논문은 희소 오토인코더를 사용하여 언어 모델의 내부 표현을 분석한다.',
    words: ['희소', '오토인코더', '언어', '표현을'],
    language: 'ko',
  },
];

/** File names that must each become their own page: name → page id. */
export const FILE_NAME_IDS: Record<string, string> = {
  'llama-3.1.md': 'llama-3.1',
  '2211.15029.md': '2211.15029',
  'hash#tag.md': 'hash-tag',
  'q?mark.md': 'q-mark',
  'back\\slash.md': 'back-slash',
  'pct%41.md': 'pct-41',
  'foo.bib.md': 'foo.bib',
  'a space.md': 'a-space',
  'upper.MD': 'upper',
  'mixed.Md': 'mixed',
  'long-ext.markdown': 'long-ext',
};

/** The valid hostile folder: every file builds; nothing hostile may reach any output as markup or syntax. */
export function hostileFiles(): FixtureFile[] {
  const files: FixtureFile[] = [];
  // The committed abstracts with raw HTML and javascript: links.
  const committed = join(ROOT, 'tests/fixtures/hostile-papers');
  for (const name of readdirSync(committed)) files.push({ name, bytes: `@copy:${join(committed, name)}` });
  files.push({
    name: 'hostile-everything.md',
    bytes: file(
      `
title: ${JSON.stringify(HOSTILE_PAPER.title)}
authors:
  - ${JSON.stringify(HOSTILE_PAPER.authors[0])}
  - ${JSON.stringify(HOSTILE_PAPER.authors[1])}
  - {family: 'King, Jr.', given: 'Martin, Luther'}
  - {family: 'Smith', given: 'Tom and Jerry'}
  - {literal: ${JSON.stringify((HOSTILE_PAPER.authors[4] as { literal: string }).literal)}}
type: article-journal
date: 2024-03-01
containerTitle: '</script><script>alert("journal")</script>'
volume: '{1}}'
pages: '1--2 }, x = {'
publisher: '\\end{document} \\input{/etc/passwd} 50% #1 $5 & ~3^2 a_b'
doi: ${JSON.stringify(HOSTILE_PAPER.doi)}
url: ${JSON.stringify(HOSTILE_PAPER.url)}
keywords:
  - '<b onmouseover=alert("kw")>kw</b>'
  - 'a, b }, c'
note: "First line\\nER  - \\nTY  - JOUR\\nTI  - injected record\\n@misc{evil2, title={x}}"
category: CR
`,
      'Code `<img src=x onerror=alert("code")>` and text &lt;img src=x onerror=alert("text")&gt; zebrafish marker.\n\n' +
        'ER  - \nTY  - JOUR\nTI  - injected through the abstract\n\n' +
        'A [vbscript link](vbscript:msgbox(1)) and <a href="java&#x09;script:alert(1)">tabbed</a>.\n',
    ),
  });
  // Every title the BibTeX writer tests attack with, one paper each, names with " and " and commas.
  const titles = [
    'Closing }, note = {injected} early',
    '@misc{evil, title = {owned}}',
    'Unbalanced {{{ braces',
    'Unbalanced }}} braces',
    'Backslash \\ and \\end{document} and \\input{/etc/passwd}',
    '50% of #1 costs $5 & ~3^2 a_b',
    "TeX ligatures -- --- `` '' ?` !` ,, << >>",
  ];
  titles.forEach((title, index) =>
    files.push({
      name: `bibtex-breakout-${index + 1}.md`,
      bytes: file(
        `title: ${JSON.stringify(title)}\nauthors:\n  - {family: ${JSON.stringify(title)}, given: 'Jo and Mo'}\n  - 'Others'\ndate: 2020\ndoi: ${JSON.stringify(HOSTILE_DOIS[index % HOSTILE_DOIS.length])}`,
      ),
    }),
  );
  for (const paper of CJK_PAPERS) {
    files.push({
      name: paper.name,
      bytes: file(
        `title: ${JSON.stringify(paper.title)}\nauthors: ['张伟', '佐藤 花子']\ndate: 2024-02-02\nlanguage: ${paper.language}\ncategory: CL`,
        `${paper.abstract}\n`,
      ),
    });
  }
  for (const [name, id] of Object.entries(FILE_NAME_IDS)) files.push({ name, bytes: plain(`File name ${id}`) });
  // The same author typed composed (NFC) and decomposed (NFD): one author page.
  files.push({ name: 'jose-nfc.md', bytes: file(`title: José NFC\nauthors: ['José García']\ndate: 2023`) });
  files.push({
    name: 'jose-nfd.md',
    bytes: file(`title: José NFD\nauthors: ['${'José García'.normalize('NFD')}']\ndate: 2023`),
  });
  files.push({
    name: 'long-names.md',
    bytes: file(`title: Long names\nauthors: ['${LONG_LATIN_NAME}', {literal: '${LONG_CJK_NAME}'}]\ndate: 2023`),
  });
  // Line ends of every kind, a byte-order mark, and the year 1.
  files.push({
    name: 'classic-mac.md',
    bytes: file(
      "title: 'Classic Mac line ends'\nauthors: ['Ada Lovelace']\ndate: 2022",
      'First paragraph.\n\nSecond one.\n',
    ).replace(/\n/g, '\r'),
  });
  files.push({ name: 'windows.md', bytes: plain('Windows line ends').replace(/\n/g, '\r\n') });
  files.push({ name: 'bom.md', bytes: `\uFEFF${plain('Byte order mark')}` });
  files.push({ name: 'year-one.md', bytes: file("title: 'Year one'\nauthors: ['Ada Lovelace']\ndate: '0001'") });
  return files;
}

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
const utf16le = (text: string, bom: boolean): Buffer =>
  Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);

const DATE_PROBLEM = /"2024-02-30" is not a real calendar date/;
const base = "authors: ['Ada Lovelace']\ndate: 2024-01-15";

/** Files each of which must stop the build, with the field and the message the build and the check must name. */
export function invalidFiles(): InvalidFile[] {
  const control = (name: string, escaped: string, code: string): InvalidFile => ({
    name: `control-${name}.md`,
    bytes: file(`title: "A ${escaped} title"\n${base}`),
    field: 'title',
    message: new RegExp(`control or non-character ${code.replace('+', '\\+')}`),
  });
  return [
    {
      name: 'invisible-title.md',
      bytes: file(`title: "\\u200B\\u200D\\u2060"\n${base}`),
      field: 'title',
      message: /invisible/,
    },
    {
      name: 'invisible-author.md',
      bytes: file(`title: Visible\nauthors: ["\\u200B\\uFEFF"]\ndate: 2024`),
      field: 'authors[0]',
      message: /invisible/,
    },
    control('nul', '\\0', 'U+0000'),
    control('bel', '\\a', 'U+0007'),
    control('esc', '\\e', 'U+001B'),
    control('del', '\\x7F', 'U+007F'),
    control('c1', '\\x9B', 'U+009B'),
    control('nel', '\\N', 'U+0085'),
    control('vt', '\\v', 'U+000B'),
    control('ff', '\\f', 'U+000C'),
    control('rs', '\\x1E', 'U+001E'),
    control('ls', '\\L', 'U+2028'),
    control('ps', '\\P', 'U+2029'),
    control('fffe', '\\uFFFE', 'U+FFFE'),
    control('ffff', '\\uFFFF', 'U+FFFF'),
    {
      name: 'control-in-abstract.md',
      bytes: file(`title: T\n${base}`, 'An abstract with a bell \u0007 and a record separator \u001e.\n'),
      field: 'abstract',
      message: /control or non-character U\+0007/,
    },
    {
      name: 'leading-blank-line.md',
      bytes: `\n${file(`title: T\n${base}\ndate: 2024-02-30`)}`,
      field: '(front matter)',
      message: /must start on the first line/,
    },
    {
      name: 'quoted-key.md',
      bytes: file(`title: T\nauthors: ['Ada Lovelace']\n"date": 2024-02-30`),
      field: 'date',
      message: DATE_PROBLEM,
    },
    {
      name: 'space-before-colon.md',
      bytes: file(`title: T\nauthors: ['Ada Lovelace']\ndate : 2024-02-30`),
      field: 'date',
      message: DATE_PROBLEM,
    },
    {
      name: 'yaml-anchor.md',
      bytes: file(`title: T\nauthors: ['Ada Lovelace']\nnote: &day 2024-02-30\ndate: *day`),
      field: 'date',
      message: DATE_PROBLEM,
    },
    {
      name: 'time-zone.md',
      bytes: file(`title: T\nauthors: ['Ada Lovelace']\ndate: 2024-03-01T00:30:00+05:00`),
      field: 'date',
      message: /2024-03-01T00:30:00\+05:00/,
    },
    {
      name: 'toml.md',
      bytes: `+++\ntitle = "T"\n+++\n\nAbstract.\n`,
      field: '(front matter)',
      message: /TOML/,
    },
    {
      name: 'latin1.md',
      bytes: latin1(file(`title: "Caf\u00e9 na\u00efve"\n${base}`)),
      field: '(file)',
      message: /not UTF-8/,
    },
    {
      name: 'utf16-bom.md',
      bytes: utf16le(file(`title: T\n${base}`), true),
      field: '(file)',
      message: /UTF-16, not UTF-8/,
    },
    {
      name: 'utf16-no-bom.md',
      bytes: utf16le(file(`title: T\n${base}`), false),
      field: '(file)',
      message: /not UTF-8/,
    },
    {
      name: 'numeric-author.md',
      bytes: file(`title: T\nauthors: [007]\ndate: 2024`),
      field: 'authors[0]',
      message: /YAML read it as the number 7; put it in quotes/,
    },
    {
      name: 'numeric-title.md',
      bytes: file(`title: 007\n${base}`),
      field: 'title',
      message: /YAML read it as the number 7/,
    },
    {
      name: 'too-many-commas.md',
      bytes: file(`title: T\nauthors: ['King, Jr., Martin, Luther']\ndate: 2024`),
      field: 'authors[0]',
      message: /3 commas/,
    },
    {
      name: 'misspelt-key.md',
      bytes: file(`titel: T\n${base}`),
      field: 'titel',
      message: /^unknown field; did you mean "title"\?/,
    },
    {
      name: '---.md',
      bytes: file(`title: T\n${base}`),
      field: '(file name)',
      message: /gives no page id/,
    },
    {
      // The same name as the extra file below, composed: Linux keeps both, macOS would not.
      name: `dup/${'josé'.normalize('NFC')}.md`,
      bytes: file(`title: T NFC\n${base}`),
      field: '(file name)',
      message: /page id "jose" is already used by/,
    },
  ];
}

/** Valid files of the invalid folder: the first of a pair whose second is the duplicate. */
export function invalidFolderExtras(): FixtureFile[] {
  return [{ name: `dup/${'josé'.normalize('NFD')}.md`, bytes: file(`title: T NFD\n${base}`) }];
}

/** Writes fixture files into a fresh folder (`@copy:<path>` copies a committed file). */
export function writeFolder(dir: string, files: readonly FixtureFile[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const fixture of files) {
    const path = join(dir, fixture.name);
    mkdirSync(dirname(path), { recursive: true });
    if (typeof fixture.bytes === 'string' && fixture.bytes.startsWith('@copy:'))
      copyFileSync(fixture.bytes.slice(6), path);
    else writeFileSync(path, fixture.bytes);
  }
}
