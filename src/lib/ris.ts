import { getArxivCategory } from './categories';
import { splitName } from './names';
import type { Paper } from './paper';

/** Options for RIS output. */
export interface RisOptions {
  pageUrl: string;
}

/** One RIS line; values are single-line (RIS has no continuation lines, so nothing is wrapped). */
function risLine(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;
}

/**
 * Formats one paper as a RIS record (CRLF line ends as the RIS spec asks, UTF-8, no line wrapping): one `AU` per
 * author as `Family, Given`, `DA` as YYYY/MM/DD/.
 */
export function formatRis(paper: Paper, key: string, options: RisOptions): string {
  const date = paper.date.toISOString().slice(0, 10).replace(/-/g, '/');
  const lines = [risLine('TY', paper.venue ? 'CPAPER' : 'UNPB'), risLine('ID', key), risLine('TI', paper.title)];
  for (const author of paper.authors) {
    const name = splitName(author);
    lines.push(risLine('AU', 'literal' in name ? name.literal : [name.family, name.given].filter(Boolean).join(', ')));
  }
  lines.push(risLine('PY', String(paper.year)), risLine('DA', `${date}/`));
  if (paper.venue) lines.push(risLine('T2', paper.venue));
  if (paper.abstractText) lines.push(risLine('AB', paper.abstractText));
  lines.push(risLine('KW', getArxivCategory(paper.category)));
  if (paper.doi) lines.push(risLine('DO', paper.doi));
  if (paper.arxiv) lines.push(risLine('UR', `https://arxiv.org/abs/${paper.arxiv}`));
  lines.push(risLine('UR', options.pageUrl));
  if (paper.authorsTruncated) lines.push(risLine('N1', 'Author list truncated (et al.)'));
  lines.push('ER  - ');
  return `${lines.join('\r\n')}\r\n`;
}
