// `npm run check`'s content check: every paper file through the build's own validation path (so the check and the
// build accept and reject the same files), then advice that is not an error: Google Scholar readiness, markup the
// sanitizer will remove, names that look like organisations.

import { satteri } from '@astrojs/markdown-satteri';
import { findUnsafeMarkup } from '../domain/html';
import { DuplicateCitationKeyError } from '../domain/keys';
import { createPapers, type PaperEntry } from '../domain/paper';
import type { FrontMatterSchema } from '../domain/paper-file';
import type { Taxonomy } from '../domain/taxonomy';
import { readPaperFolder, type FileProblem } from '../site/paper-folder';

/** What the content check found: errors fail it (and the build), warnings are advice. */
export interface ContentReport {
  files: number;
  errors: FileProblem[];
  warnings: FileProblem[];
}

/** What the check needs of the site. */
export interface CheckOptions {
  schema: FrontMatterSchema;
  taxonomy: Taxonomy;
  /** The site's URL: a PDF on another host is a Google Scholar warning. */
  siteUrl: string;
  /** The assets folder: thumbnails not beside their paper must be there (as the build checks). */
  assetsDir?: string;
}

const ORGANISATION_WORDS =
  /\b(team|group|consortium|collaboration|lab|laboratory|project|initiative|institute|university|society|association|committee|foundation|organi[sz]ation|agency|council|inc|ltd)\b/i;

/** Checks every paper file of a folder. */
export async function checkPaperFolder(dir: string, root: string, options: CheckOptions): Promise<ContentReport> {
  const { files, problems } = readPaperFolder(dir, root, options.schema, options.assetsDir);
  const errors = [...problems];
  const warnings: FileProblem[] = [];
  const renderer = await satteri().createRenderer({ gfm: true, smartypants: true, syntaxHighlight: false });
  const entries: PaperEntry[] = [];
  const siteHost = new URL(options.siteUrl).host;
  for (const file of files) {
    const warn = (field: string, message: string) => warnings.push({ file: file.file, field, message });
    const html = file.body ? (await renderer.render(`\n${file.body}`, {})).code : '';
    const unsafe = findUnsafeMarkup(html);
    if (unsafe.length > 0) warn('abstract', `markup that pages and feeds remove: ${unsafe.slice(0, 5).join(', ')}`);
    entries.push({
      id: file.id,
      file: file.file,
      data: file.data,
      abstract: { markdown: file.body, html, text: file.body },
    });
    const { data } = file;
    if (data.authorsTruncated) warn('authors', 'list is truncated (et al.); Google Scholar wants every author');
    if (!file.body) warn('abstract', 'no abstract (the markdown body is empty)');
    if (!data.date) warn('date', 'no date: the paper sorts last and Google Scholar needs a publication date');
    if (typeof data.pdf === 'string' && new URL(data.pdf).host !== siteHost) {
      warn(
        'pdf',
        `PDF is on ${new URL(data.pdf).host}, not on this site (${siteHost}); Google Scholar prefers PDFs on the site's own host`,
      );
    }
    const authors = (data.authors as { family?: string; given?: string }[] | undefined) ?? [];
    authors.forEach((name, index) => {
      if (name.family && name.given && ORGANISATION_WORDS.test(`${name.given} ${name.family}`)) {
        warn(
          `authors[${index}]`,
          `"${name.given} ${name.family}" looks like an organisation; write it as {literal: "…"} so no format splits it`,
        );
      }
    });
  }
  try {
    createPapers(entries, options.taxonomy);
  } catch (error) {
    if (!(error instanceof DuplicateCitationKeyError)) throw error;
    errors.push({
      file: error.file,
      field: 'citationKey',
      message: `"${error.key}" is already used by ${error.owner}`,
    });
  }
  return { files: files.length + new Set(problems.map((problem) => problem.file)).size, errors, warnings };
}

/** Formats a report for the terminal. */
export function formatReport(report: ContentReport): string {
  const lines = [
    ...report.errors.map((finding) => `✗ ${finding.file}\n    ${finding.field}: ${finding.message}`),
    ...report.warnings.map((finding) => `! ${finding.file}\n    ${finding.field}: ${finding.message}`),
  ];
  lines.push(
    `${report.files} paper files: ${report.errors.length} ${report.errors.length === 1 ? 'error' : 'errors'}, ` +
      `${report.warnings.length} ${report.warnings.length === 1 ? 'warning' : 'warnings'}.`,
  );
  return lines.join('\n');
}
