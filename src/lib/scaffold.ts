import type { CategoryCode } from './categories';
import { slugifyTitle } from './paper-file';

/** Inputs for a new paper file. */
export interface ScaffoldOptions {
  title: string;
  /** Today, as YYYY-MM-DD (passed in so the output is testable). */
  today: string;
  category: CategoryCode;
  authors: string[];
}

/** The file name (without .md) and text of a new, valid paper file with every optional field explained in comments. */
export function scaffoldPaper(options: ScaffoldOptions): { id: string; markdown: string } {
  const authors = options.authors.map((name) => `  - ${JSON.stringify(name)}`).join('\n');
  const markdown = `---
# Required. Quote the title when it contains a colon.
title: ${JSON.stringify(options.title)}
# Required. Every author in order, as the paper gives them.
authors:
${authors}
# true when the list above is incomplete ("et al.").
authorsTruncated: false
# Required. Publication date, YYYY-MM-DD.
date: ${options.today}
# Required. arXiv Computer Science category: CL, LG, CV, AI, IR, … (cs.CL also works).
category: ${options.category}
# Optional fields: remove the # to use one.
# score: 95.1                         # a score from 0 to 100, shown next to the date
# code: true                          # shows the Code mark
# codeUrl: https://github.com/…       # link to the code (needs code: true)
# pdf: https://…/paper.pdf            # link to the PDF
# arxiv: "2211.15029"                 # arXiv identifier (no URL, no "arXiv:" prefix)
# doi: 10.1234/abc                    # DOI (no https://doi.org/)
# venue: "Conference or journal name"
# citationKey: he2022diffusionbert    # overrides the generated citation key
# slug: my-paper                      # overrides the page address /papers/<slug>/
---

Write the abstract here, in markdown: *emphasis*, <https://links>, paragraphs.
`;
  return { id: slugifyTitle(options.title), markdown };
}
