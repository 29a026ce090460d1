import { getArxivCategory } from './categories';
import { splitName, type PersonName } from './names';
import type { Paper } from './paper';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Escapes text for a BibTeX field value: the LaTeX specials `\ { } % & $ # _ ~ ^` become commands, so braces
 * always balance, and ligatures (`--`, `''`) are broken so the text reads as typed; every other character,
 * CJK and Cyrillic included, is kept as UTF-8 (never dropped).
 */
export function escapeLatex(text: string): string {
  return (
    text
      .replace(/[\\{}%&$#_~^]/g, (char) => SPECIALS[char])
      // TeX ligatures would turn -- into a dash and '' or `` into curly quotes; an empty group keeps the text as typed.
      .replace(/([-'`])(?=\1)/g, '$1{}')
      .replace(/([?!])(?=`)/g, '$1{}')
      .replace(/\s+/g, ' ')
  );
}

/**
 * Escapes a title and protects capitals: words with a capital after their first letter (BERT, DiffusionBERT,
 * GPT-2, LLMs) are wrapped in braces, so styles that lowercase titles keep them.
 */
export function escapeTitle(title: string): string {
  return title
    .split(/(\s+)/)
    .map((word) => {
      const escaped = escapeLatex(word);
      return /^\S+$/.test(word) && needsProtection(word) ? `{${escaped}}` : escaped;
    })
    .join('');
}

/** True for words whose capitals a style must not lowercase: BERT, DiffusionBERT, LLMs, GPT-2, N1 (not Chess-Playing). */
function needsProtection(word: string): boolean {
  return word.split(/[-–/]/).some((part) => /.\p{Lu}/u.test(part) || (/\p{Lu}/u.test(part) && /\d/.test(part)));
}

/** Formats one name for BibTeX: `Family, Given`, or braced as a unit for organizations and one-word names. */
export function formatBibtexName(name: PersonName): string {
  if ('literal' in name) return `{${escapeLatex(name.literal)}}`;
  const family = escapeLatex(name.family);
  // A family name with spaces but no lowercase particle ("Lloyd Webber") is braced so BibTeX keeps it whole.
  const safeFamily = /\s/.test(name.family) && !/^\p{Ll}/u.test(name.family) ? `{${family}}` : family;
  return name.given ? `${safeFamily}, ${escapeLatex(name.given)}` : safeFamily;
}

/** Options for BibTeX output. */
export interface BibtexOptions {
  /** The paper's page URL on this site, used when no arXiv id is known. */
  pageUrl: string;
}

/** Formats one paper as a BibTeX entry (UTF-8, accepted by bibtex with plain.bst and by biber). */
export function formatBibtex(paper: Paper, key: string, options: BibtexOptions): string {
  const authors = paper.authors.map((name) => formatBibtexName(splitName(name)));
  if (paper.authorsTruncated) authors.push('others');
  const fields: [string, string][] = [
    ['author', `{${authors.join(' and ')}}`],
    ['title', `{${escapeTitle(paper.title)}}`],
  ];
  if (paper.venue) fields.push(['booktitle', `{${escapeLatex(paper.venue)}}`]);
  fields.push(
    ['year', String(paper.year)],
    ['month', MONTHS[paper.date.getUTCMonth()]],
    ['day', String(paper.date.getUTCDate())],
  );
  if (paper.arxiv) {
    fields.push(
      ['eprint', `{${paper.arxiv}}`],
      ['archiveprefix', '{arXiv}'],
      ['primaryclass', `{${getArxivCategory(paper.category)}}`],
    );
  }
  if (paper.doi) fields.push(['doi', `{${escapeLatex(paper.doi)}}`]);
  fields.push([
    'url',
    `{${(paper.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : options.pageUrl).replace(/[{}%#\\]/g, encodeURIComponent)}}`,
  ]);
  fields.push(['keywords', `{${getArxivCategory(paper.category)}}`]);
  if (paper.abstractText) fields.push(['abstract', `{${escapeLatex(paper.abstractText).trim()}}`]);
  const type = paper.venue ? 'inproceedings' : 'misc';
  return `@${type}{${key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}\n`;
}
