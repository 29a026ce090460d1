import { assignCitationKeys } from './citation-keys';
import { checkCalendarDateText, createIdRegistry, readRawFrontmatterValue } from './frontmatter';
import { paperIdFromFile } from './ids';
import { toPaper, type Paper } from './paper';
import { paperSchema } from './schema';

/** One paper file as the checker sees it. */
export interface CheckedFile {
  /** Path relative to the papers folder (for ids) — also used in messages. */
  file: string;
  source: string;
  data?: Record<string, unknown>;
  body: string;
  /** Why the front matter could not be read, if it could not. */
  error?: string;
}

/** A finding about one file and field. */
export interface Finding {
  file: string;
  field: string;
  message: string;
}

/** What `npm run check` found: errors fail the check, warnings are advice (Google Scholar readiness). */
export interface ContentReport {
  papers: number;
  errors: Finding[];
  warnings: Finding[];
}

/**
 * Checks every paper file: schema (naming the field), real dates, duplicate ids and citation keys, and Google
 * Scholar readiness (complete author list, abstract, PDF on the site's own host).
 */
export function checkContent(files: readonly CheckedFile[], siteUrl: string): ContentReport {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const ids = createIdRegistry();
  const papers: Paper[] = [];
  const siteHost = new URL(siteUrl).host;
  for (const file of files) {
    if (file.error || !file.data) {
      errors.push({ file: file.file, field: '(front matter)', message: file.error ?? 'missing' });
      continue;
    }
    const dateProblem = checkCalendarDateText(readRawFrontmatterValue(file.source, 'date') ?? '');
    if (dateProblem) errors.push({ file: file.file, field: 'date', message: dateProblem });
    const id = paperIdFromFile(file.file, file.data);
    const clash = ids.claim(id, file.file);
    if (clash)
      errors.push({
        file: file.file,
        field: typeof file.data.slug === 'string' ? 'slug' : 'file name',
        message: clash,
      });
    const result = paperSchema.safeParse(file.data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push({ file: file.file, field: issue.path.join('.') || '(front matter)', message: issue.message });
      }
      continue;
    }
    const paper = toPaper({ id, filePath: file.file, data: result.data, body: file.body });
    papers.push(paper);
    if (paper.authorsTruncated) {
      warnings.push({
        file: file.file,
        field: 'authors',
        message: 'list is truncated (et al.); Google Scholar wants every author',
      });
    }
    if (!paper.abstract)
      warnings.push({ file: file.file, field: 'abstract', message: 'no abstract (the markdown body is empty)' });
    if (paper.pdf && new URL(paper.pdf).host !== siteHost) {
      warnings.push({
        file: file.file,
        field: 'pdf',
        message: `PDF is on ${new URL(paper.pdf).host}, not on this site (${siteHost}); Google Scholar prefers PDFs on the site's own host`,
      });
    }
  }
  try {
    assignCitationKeys(papers);
  } catch (error) {
    const [, file, field, message] = /Invalid paper file (.*)\n\s+(\w+): (.*)/.exec((error as Error).message) ?? [];
    errors.push({ file: file ?? '?', field: field ?? 'citationKey', message: message ?? (error as Error).message });
  }
  return { papers: files.length, errors, warnings };
}

/** Formats a report for the terminal. */
export function formatReport(report: ContentReport): string {
  const lines = [
    ...report.errors.map((finding) => `✗ ${finding.file}\n    ${finding.field}: ${finding.message}`),
    ...report.warnings.map((finding) => `! ${finding.file}\n    ${finding.field}: ${finding.message}`),
  ];
  lines.push(
    `${report.papers} paper files: ${report.errors.length} ${report.errors.length === 1 ? 'error' : 'errors'}, ` +
      `${report.warnings.length} Google Scholar ${report.warnings.length === 1 ? 'warning' : 'warnings'}.`,
  );
  return lines.join('\n');
}
