// Part of `npm run check`: validates every paper file and reports Google Scholar readiness.
import { relative } from 'node:path';
import { checkContent, formatReport } from '../src/lib/content-check';
import { SITE_URL } from '../site.config.mjs';
import { PAPERS_DIR, listPaperFiles, readPaperFile } from './content-files';

const dir = process.argv[2] ?? PAPERS_DIR;

const files = listPaperFiles(dir).map((path) => ({ ...readPaperFile(path), file: relative(dir, path) }));
const report = checkContent(files, SITE_URL);
console.log(`Checking ${dir}\n${formatReport(report)}`);
process.exit(report.errors.length > 0 ? 1 : 0);
