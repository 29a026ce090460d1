// The site config: one Zod schema with defaults. `site.config.mjs` (top level) holds what a site sets; everything
// else in the code reads the validated result from here, never the raw file or a hard-coded default.

import { z } from 'astro/zod';
import { DEFAULT_STYLES } from '../formats/styles';

const text = z.string().trim().min(1);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** A citation style offered on paper pages: a CSL style of the bundled repository by name, or a `.csl` file. */
const styleSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/, { error: 'must be lowercase letters, digits and hyphens' })
    .describe('Short id used in the page (apa, ieee…).'),
  label: text.describe('Label of the style switch (APA, IEEE…).'),
  style: text.describe('A CSL style name of the CSL style repository (apa, ieee…) or a path to a .csl file.'),
});

/** Links of the profile header; each optional. */
const profileLinksSchema = z
  .strictObject({
    email: z.email().optional(),
    orcid: z
      .string()
      .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, { error: 'must be an ORCID iD such as 0000-0002-1825-0097' })
      .optional(),
    scholar: httpUrl.optional().describe('Google Scholar profile URL.'),
    github: httpUrl.optional(),
    homepage: httpUrl.optional(),
  })
  .default({});

/** The researcher or lab the site is about. */
const profileSchema = z.strictObject({
  name: text.describe('Shown as the site title and in bold in author lists.'),
  /** Main category, shown under the name (a code of the taxonomy). */
  primaryCategory: text.optional(),
  photo: text
    .optional()
    .describe('An image file in the assets folder (profile.jpg) or a path from the project root; optimised by Astro.'),
  affiliation: text.optional(),
  bio: text.optional().describe('One or two sentences about the researcher or lab.'),
  links: profileLinksSchema,
  /** Figures as the profile gives them; shown as given, never computed (the paper count is). */
  hIndex: z.number().int().nonnegative().optional(),
  citations: z.number().int().nonnegative().optional(),
  novelty: z.number().min(0).max(100).optional().describe('Percent.'),
  aiScore: z.number().min(0).max(100).optional(),
});

/** The site config as `site.config.mjs` writes it; every field has a default but the profile name. */
export const siteConfigSchema = z.strictObject({
  url: httpUrl.default('https://bibshelf.example.org').describe('Public origin (canonical links, feeds, sitemap).'),
  base: z
    .string()
    .regex(/^\/([^/\s]+\/)*$/, { error: 'must start and end with "/" (e.g. "/" or "/bib/")' })
    .default('/')
    .describe('Folder the site is served from.'),
  papers: z.string().default('src/content/papers').describe('Folder of the paper files (relative to the project).'),
  people: z
    .string()
    .default('src/content/people')
    .describe('Folder of the person files (one per person: names, aliases, ORCID, photo, member).'),
  assets: z
    .string()
    .default('src/assets')
    .describe('Folder of shared images: thumbnails not beside their paper, the profile photo, people photos.'),
  language: z.string().default('en').describe('Language of the site (the html lang attribute, feeds).'),
  profile: profileSchema,
  /** Lab sites highlight every member in every author list; a personal site its owner. */
  mode: z
    .enum(['person', 'lab'])
    .default('person')
    .describe(
      'person: one researcher (bold in author lists); lab: every member of people/ is, and /people/ lists them.',
    ),
  taxonomy: z
    .strictObject({
      arxiv: z.boolean().default(true).describe("Use arXiv's category list (every archive)."),
      defaultArchive: z
        .string()
        .optional()
        .describe('arXiv archive whose classes may be written alone (cs: CL = cs.CL).'),
      labels: z
        .record(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u), text)
        .default({})
        .describe('Own categories: code → name.'),
    })
    .default({ arxiv: true, labels: {} }),
  citations: z
    .strictObject({
      styles: z
        .array(styleSchema)
        .min(1)
        .default(DEFAULT_STYLES.map((style) => ({ ...style }))),
      locale: z.string().default('en-US').describe('CSL locale of the formatted citations.'),
    })
    .default({ styles: DEFAULT_STYLES.map((style) => ({ ...style })), locale: 'en-US' }),
  feeds: z
    .strictObject({
      items: z.number().int().positive().default(50).describe('Newest papers per feed; the exports keep every paper.'),
    })
    .default({ items: 50 }),
  home: z
    .strictObject({
      sections: z
        .array(z.enum(['selected', 'papers']))
        .min(1)
        .refine((sections) => new Set(sections).size === sections.length, { error: 'lists a section twice' })
        .default(['selected', 'papers'])
        .describe('The home page sections, in order: "selected" (selected publications) and "papers" (the list).'),
      groupBy: z
        .enum(['year', 'type', 'type-year'])
        .default('year')
        .describe('How lists are grouped: by year, by type, or by type then year.'),
      chips: z
        .array(z.enum(['categories', 'types', 'keywords']))
        .refine((chips) => new Set(chips).size === chips.length, { error: 'lists a row twice' })
        .default(['categories', 'types', 'keywords'])
        .describe('Filter chip rows above the home list, in order (a row with fewer than two groups is left out).'),
      keywordChips: z
        .number()
        .int()
        .positive()
        .default(20)
        .describe('The most used keywords offered as chips; every keyword keeps its page.'),
      listLimit: z
        .number()
        .int()
        .positive()
        .default(300)
        .describe('Above this many papers the home page lists the newest years and links the others.'),
    })
    .default({
      sections: ['selected', 'papers'],
      groupBy: 'year',
      chips: ['categories', 'types', 'keywords'],
      keywordChips: 20,
      listLimit: 300,
    }),
  exports: z
    .strictObject({
      bibtex: z
        .strictObject({
          siteFields: z
            .boolean()
            .default(false)
            .describe("Also write site fields (selected, award, links…) to BibTeX under al-folio's field names."),
        })
        .default({ siteFields: false }),
    })
    .default({ bibtex: { siteFields: false } }),
});

/** The site config as written (before defaults). */
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
/** The validated site config. */
export type SiteConfig = z.output<typeof siteConfigSchema>;
