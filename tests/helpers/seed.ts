import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build';

/** One paper as the seed profile lists it. */
export interface SeedPaper {
  score?: number;
  category: string;
  /** As printed, e.g. "Nov 28, 2022" or "Apr 11" (year 2026). */
  date: string;
  isoDate: string;
  code: boolean;
  title: string;
  authors: string[];
  truncated: boolean;
  abstract: string;
}

/** The seed profile's header figures and papers. */
export interface Seed {
  name: string;
  category: string;
  hIndex: number;
  papers: number;
  citations: number;
  novelty: number;
  aiScore: number;
  list: SeedPaper[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Parses the seed profile text (a copy of shared/seeds/000_*.txt kept in tests/fixtures). */
export function readSeed(): Seed {
  const text = readFileSync(join(ROOT, 'tests/fixtures/seed-profile.txt'), 'utf8');
  const lines = text.split('\n').map((line) => line.trim());
  const nonEmpty = lines.filter(Boolean);
  const figure = (pattern: RegExp) =>
    Number(
      nonEmpty
        .find((line) => pattern.test(line))!
        .match(pattern)![1]
        .replace(/,/g, ''),
    );
  const header = /^(\d+(?:\.\d+)?)?(CL|LG|CV)([A-Z][a-z]{2}) (\d{1,2})(?:, (\d{4}))?(Code)?$/;
  const list: SeedPaper[] = [];
  for (let i = 0; i < nonEmpty.length; i++) {
    const match = header.exec(nonEmpty[i]);
    if (!match) continue;
    const [, score, category, month, day, year, code] = match;
    const [title, authorLine, abstract] = nonEmpty.slice(i + 1, i + 4);
    const truncated = authorLine.endsWith(' et al.');
    const fullYear = year ?? '2026';
    list.push({
      score: score === undefined ? undefined : Number(score),
      category,
      date: year ? `${month} ${day}, ${year}` : `${month} ${day}`,
      isoDate: `${fullYear}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`,
      code: Boolean(code),
      title,
      authors: authorLine.replace(/ et al\.$/, '').split(', '),
      truncated,
      abstract,
    });
    i += 3;
  }
  return {
    name: nonEmpty[0],
    category: nonEmpty[1],
    hIndex: figure(/^h-index(\d+)$/),
    papers: figure(/^(\d+)papers$/),
    citations: figure(/^([\d,]+)citations$/),
    novelty: figure(/^Novelty(\d+)%$/),
    aiScore: figure(/^AI Score(\d+)$/),
    list,
  };
}
