// Part of `npm run check`: validates every paper file (as the build does) and gives advice (Google Scholar readiness).
// `npm run check:content -- path/` checks another folder.
import { resolve } from 'node:path';
import { siteConfig, taxonomy } from '../src/config';
import { createPaperSchema } from '../src/domain/schema';
import { formatProblems } from '../src/site/paper-folder';
import { readPeopleFolder } from '../src/site/people-folder';
import { checkPaperFolder, formatReport } from '../src/tools/check';

const dir = resolve(process.argv[2] ?? siteConfig.papers);
const report = await checkPaperFolder(dir, process.cwd(), {
  schema: createPaperSchema({ taxonomy }),
  taxonomy,
  siteUrl: siteConfig.url,
  assetsDir: resolve(siteConfig.assets),
});
console.log(`Checking ${dir}\n${formatReport(report)}`);
// The person files, as the build reads them (fields, photos, spellings two people share).
const people = readPeopleFolder(resolve(siteConfig.people), process.cwd(), resolve(siteConfig.assets));
if (people.problems.length > 0) console.log(formatProblems(people.problems, 'person file'));
else console.log(`${people.files.length} person files: no problems`);
process.exitCode = report.errors.length > 0 || people.problems.length > 0 ? 1 : 0;
