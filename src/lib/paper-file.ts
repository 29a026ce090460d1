import type { PaperInput } from './schema';

const FIELD_ORDER = [
  'title',
  'authors',
  'authorsTruncated',
  'date',
  'category',
  'score',
  'code',
  'codeUrl',
  'pdf',
  'arxiv',
  'doi',
  'venue',
  'citationKey',
  'slug',
] as const;

/** A YAML scalar for a front-matter value: strings double-quoted (JSON strings are valid YAML), dates bare. */
function toYaml(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : JSON.stringify(value);
  return String(value);
}

/** Writes a paper markdown file: YAML front matter in the documented field order, then the abstract. */
export function formatPaperFile(data: PaperInput, abstract: string): string {
  const lines = ['---'];
  for (const field of FIELD_ORDER) {
    const value = data[field];
    if (value === undefined) continue;
    if (Array.isArray(value)) lines.push(`${field}:`, ...value.map((item) => `  - ${toYaml(item)}`));
    else lines.push(`${field}: ${toYaml(value)}`);
  }
  lines.push('---', '');
  return `${lines.join('\n')}\n${abstract.trim()}\n`;
}

/** A readable file name (without .md) from a title: lowercase ASCII words joined by hyphens, at most 60 characters. */
export function slugifyTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    if (slug && slug.length + word.length + 1 > 60) break;
    slug = slug ? `${slug}-${word}` : word.slice(0, 60);
  }
  return slug || 'paper';
}
