// `npm run new`: a new paper file with the common fields filled in or explained in comments.

import type { Category } from '../domain/taxonomy';
import { idFromFileName } from '../domain/paper-file';

/** Inputs for a new paper file. */
export interface ScaffoldOptions {
  title: string;
  /** Today, as YYYY-MM-DD (passed in so the output is testable). */
  today: string;
  category?: Category;
  authors: string[];
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
  return idFromFileName(slug) ?? 'paper';
}

/** The file name (without .md) and text of a new, valid paper file with the common optional fields explained. */
export function scaffoldPaper(options: ScaffoldOptions): { id: string; markdown: string } {
  const authors = options.authors.map((name) => `  - ${JSON.stringify(name)}`).join('\n');
  const markdown = `---
# The kind of work (a CSL type): article-journal, paper-conference, article (preprint), book, chapter,
# thesis, report, dataset, software, speech, webpage… (see the types table in README.md).
type: article-journal
# Quote the title when it contains a colon.
title: ${JSON.stringify(options.title)}
# Every author in order: "Given Family", "Family, Given", or {family: …, given: …}; {literal: …} for an organisation.
authors:
${authors}
# true when the list above is incomplete ("et al.").
# authorsTruncated: true
# Publication date at the precision you know it: 2024, 2024-05 or 2024-05-22. Leave it out for "n.d.".
date: ${options.today}
${options.category ? `category: ${options.category.badge}` : '# category: CL                          # a category of the site (see site.config.mjs)'}
# Optional fields: remove the # to use one. Every field is in the fields table in README.md.
# containerTitle: "Journal or proceedings title"
# volume: 12
# issue: 3
# pages: 45-67
# publisher: "Publisher"
# doi: 10.1234/abc                    # DOI (a https://doi.org/ URL works too)
# url: https://…                      # the work's own page
# arxiv: "2211.15029"                 # arXiv identifier
# pdf: https://…/paper.pdf            # link to the PDF
# code: https://github.com/…          # link to the code (or true: shows the Code mark)
# keywords: [sparse autoencoders, interpretability]
# selected: true                      # listed under "Selected publications"
# award: Best Paper Award
# score: 95.1                         # a score from 0 to 100, shown next to the date
# citationKey: he2022diffusionbert    # overrides the generated citation key
---

Write the abstract here, in markdown: *emphasis*, <https://links>, paragraphs.
`;
  return { id: slugifyTitle(options.title), markdown };
}
