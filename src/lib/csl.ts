import { getArxivCategory } from './categories';
import { splitName } from './names';
import type { Paper } from './paper';

/** A CSL-JSON name. */
export type CslName = { family: string; given?: string } | { literal: string };

/** The CSL-JSON item Bibshelf writes for one paper (the subset of CSL fields it uses). */
export interface CslItem {
  id: string;
  type: 'article' | 'paper-conference';
  'citation-key': string;
  title: string;
  author: CslName[];
  issued: { 'date-parts': [[number, number, number]] };
  abstract?: string;
  URL: string;
  DOI?: string;
  'container-title'?: string;
  /** For arXiv preprints: `arXiv`, with `number` = `arXiv:<id>` (as Zotero records preprints). */
  publisher?: string;
  number?: string;
  keyword?: string;
  note?: string;
}

/** Converts a paper into CSL-JSON, the one structured form the other citation formats are checked against. */
export function toCslItem(paper: Paper, key: string, pageUrl: string): CslItem {
  const item: CslItem = {
    id: key,
    type: paper.venue ? 'paper-conference' : 'article',
    'citation-key': key,
    title: paper.title,
    author: paper.authors.map((name) => splitName(name)),
    issued: { 'date-parts': [[paper.year, paper.date.getUTCMonth() + 1, paper.date.getUTCDate()]] },
    URL: paper.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : pageUrl,
    keyword: getArxivCategory(paper.category),
  };
  if (paper.abstractText) item.abstract = paper.abstractText;
  if (paper.doi) item.DOI = paper.doi;
  if (paper.venue) item['container-title'] = paper.venue;
  if (paper.arxiv) {
    item.publisher = 'arXiv';
    item.number = `arXiv:${paper.arxiv}`;
  }
  if (paper.authorsTruncated) item.note = 'Author list truncated (et al.)';
  return item;
}
