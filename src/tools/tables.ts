// The field table and the type table as markdown, for README.md: printed by `npm run tables` from the tables
// themselves (src/domain/fields.ts, src/domain/types.ts), so the README says what the code does.
import { FIELDS, type FieldSpec } from '../domain/fields';
import { ITEM_TYPES } from '../domain/types';

/** Where README.md holds each table. */
export const TABLE_MARKERS = {
  fields: ['<!-- fields:start -->', '<!-- fields:end -->'],
  types: ['<!-- types:start -->', '<!-- types:end -->'],
} as const;

/** A table cell: pipes escaped, code where the value is a name in a format. */
const code = (text: string) => `\`${text.replace(/\|/g, '\\|')}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** A per-type mapping as one cell: the default first, then `type: name` for the types that differ. */
function formatByType(value: string | readonly string[] | Record<string, unknown> | undefined): string {
  if (value === undefined) return '—';
  const render = (item: unknown) =>
    item === null || (Array.isArray(item) && item.length === 0)
      ? 'none'
      : [item]
          .flat()
          .map((name) => code(String(name)))
          .join(', ');
  if (typeof value === 'string' || Array.isArray(value)) return render(value);
  const entries = Object.entries(value as Record<string, unknown>);
  const fallback = entries.find(([type]) => type === '*');
  const byType = entries.filter(([type]) => type !== '*').map(([type, item]) => `${type}: ${render(item)}`);
  return [...(fallback ? [render(fallback[1])] : []), ...byType].join('; ') || '—';
}

/** The field table: front-matter key, kind, label, CSL variable, BibTeX field(s), RIS tags, Highwire tag. */
export function formatFieldTable(fields: readonly FieldSpec[] = FIELDS): string {
  const rows = fields.map((field) =>
    [
      code(field.key),
      field.kind,
      cell(field.label),
      field.csl ? code(field.csl) : 'site field',
      [
        formatByType(field.bibtex as never),
        ...Object.entries(field.bibtexFallback ?? {}).map(
          ([type, name]) => `(${type}: ${code(name)} when its name is taken)`,
        ),
        ...(field.bibtexAliases ?? []).map((name) => `(reads ${code(name)})`),
      ].join(' '),
      formatByType(field.ris as never),
      formatByType(field.highwire as never),
    ].join(' | '),
  );
  return [
    '| Front matter | Kind | Label | CSL | BibTeX | RIS | Google Scholar |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

/** The type table: CSL type, label, BibTeX entry type (and entrysubtype), RIS TY, schema.org type, list page. */
export function formatTypeTable(): string {
  const rows = ITEM_TYPES.map((type) =>
    [
      code(type.csl),
      cell(type.label),
      `${code(`@${type.bibtex.type}`)}${type.bibtex.subtype ? ` + ${code(`entrysubtype = {${type.bibtex.subtype}}`)}` : ''}`,
      code(type.ris),
      code(type.schemaOrg),
      code(`/types/${type.slug}/`),
    ].join(' | '),
  );
  return [
    '| CSL type | Label | BibTeX | RIS | schema.org | List page |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

/** A text with the part between a pair of markers replaced (markers kept), or an error naming the missing one. */
export function replaceBetweenMarkers(text: string, [start, end]: readonly [string, string], body: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`);
  return `${text.slice(0, from + start.length)}\n\n${body}\n\n${text.slice(to)}`;
}

/** The part of a text between a pair of markers, trimmed (undefined when the markers are missing). */
export function readBetweenMarkers(text: string, [start, end]: readonly [string, string]): string | undefined {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  return from < 0 || to < from ? undefined : text.slice(from + start.length, to).trim();
}
