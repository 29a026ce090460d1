// Part of `npm run check`: validates every paper file (as the build does) and gives advice (Google Scholar readiness).
// `npm run check:content -- path/` checks another folder.
import { resolve } from 'node:path';
import { siteConfig, taxonomy } from '../src/config';
import { createPaperSchema } from '../src/domain/schema';
import { checkPaperFolder, formatReport } from '../src/tools/check';

const dir = resolve(process.argv[2] ?? siteConfig.papers);
const report = await checkPaperFolder(dir, process.cwd(), {
  schema: createPaperSchema({ taxonomy }),
  taxonomy,
  siteUrl: siteConfig.url,
});
console.log(`Checking ${dir}\n${formatReport(report)}`);
process.exit(report.errors.length > 0 ? 1 : 0);
