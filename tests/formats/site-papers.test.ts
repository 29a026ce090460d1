// The seed site's own papers (src/content/papers) through every format of this module and back.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CslDate } from '../../src/domain/csl';
import { FIELDS, findField, getRisTags } from '../../src/domain/fields';
import { readPaperSource } from '../../src/domain/paper-file';
import { formatCslJson, readCslJson, toCslJson } from '../../src/formats/csl-json';
import { formatRisRecord, joinRis, readRis } from '../../src/formats/ris';
import { buildHighwireTags, buildJsonLd, serializeJsonLd } from '../../src/formats/scholar';
import { makePapers } from '../helpers/model';

const DIR = join(import.meta.dirname, '..', '..', 'src', 'content', 'papers');
const files = readdirSync(DIR).filter((name) => name.endsWith('.md'));
const papers = await makePapers(
  files.map((file) => {
    const source = readPaperSource(readFileSync(join(DIR, file), 'utf8'));
    if ('problems' in source) throw new Error(`${file}: ${JSON.stringify(source.problems)}`);
    return { file, frontMatter: source.frontMatter, abstract: source.body };
  }),
);
const byFile = <T extends { file: string }>(list: T[]) => new Map(list.map((paper) => [paper.file, paper]));

describe('the seed site', () => {
  it('has papers to test', () => expect(papers.length).toBeGreaterThan(10));

  it('comes back from its CSL-JSON export as the same papers', async () => {
    const { entries, problems } = readCslJson(formatCslJson(papers.map(toCslJson)), 'site.json');
    expect(problems).toEqual([]);
    const again = byFile(
      await makePapers(
        entries.map((entry, index) => ({
          file: papers[index].file,
          frontMatter: entry.frontMatter,
          abstract: entry.abstract,
        })),
      ),
    );
    for (const paper of papers) {
      expect(again.get(paper.file)!.data).toEqual(paper.data);
      expect(again.get(paper.file)!.abstract).toEqual(paper.abstract);
    }
  });

  it('comes back from its RIS export with the same front matter and abstract text (and its key set)', async () => {
    const { entries, problems } = readRis(joinRis(papers.map(formatRisRecord)), 'site.ris');
    expect(problems).toEqual([]);
    const again = byFile(
      await makePapers(
        entries.map((entry, index) => ({
          file: papers[index].file,
          frontMatter: entry.frontMatter,
          abstract: entry.abstract,
        })),
      ),
    );
    for (const paper of papers) {
      // RIS is the bibliographic record: every field the table gives a RIS tag comes back; site fields (category,
      // score, links) have no RIS home and are the CSL-JSON export's to carry.
      const inRis = Object.entries(paper.data).filter(([key]) => {
        const field = findField(key);
        const truncated = FIELDS.some((candidate) => candidate.truncatedKey === key);
        return key === 'type' || truncated || (field !== undefined && getRisTags(field, paper.type.csl).length > 0);
      });
      expect(inRis.length).toBeGreaterThan(3);
      expect(again.get(paper.file)!.data).toEqual({ ...Object.fromEntries(inRis), citationKey: paper.key });
      expect(again.get(paper.file)!.abstract.text).toBe(paper.abstract.text);
    }
  });

  it('gets Scholar tags and JSON-LD with each date at its own precision', () => {
    for (const paper of papers) {
      const tags = buildHighwireTags(paper, `https://site.example/papers/${paper.id}/`);
      const date = paper.data.date as CslDate | undefined;
      const published = tags.filter(([name]) => name === 'citation_publication_date').map(([, value]) => value);
      expect(published).toEqual(
        date ? [date['date-parts'][0].map((part, i) => String(part).padStart(i ? 2 : 4, '0')).join('/')] : [],
      );
      expect(tags[0]).toEqual(['citation_title', paper.data.title]);
      expect(JSON.parse(serializeJsonLd(buildJsonLd(paper, 'https://site.example/')))).toMatchObject({
        name: paper.data.title,
      });
    }
  });
});
