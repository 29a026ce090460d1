import { z } from 'astro/zod';
import { CATEGORY_CODES } from './categories';

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} is required and must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` });

/** Accepts `CL` or `cs.CL`; stores the short code. */
const category = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().replace(/^cs\./i, '').toUpperCase() : value),
  z.enum(CATEGORY_CODES, {
    error: (issue) =>
      `unknown category ${JSON.stringify(issue.input)}; use one of ${CATEGORY_CODES.join(', ')} (arXiv cs.* codes)`,
  }),
);

/** A calendar date: YAML dates (2024-05-22) and ISO strings; rejects impossible dates like 2024-13-40. */
const calendarDate = z.preprocess(
  (value) => {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
      const date = new Date(`${value.trim()}T00:00:00Z`);
      // Date rolls 2024-02-31 over to March; a round-trip catches that.
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value.trim()
        ? date
        : new Date(Number.NaN);
    }
    return value;
  },
  z.date({ error: 'must be a valid date written YYYY-MM-DD, e.g. 2024-05-22' }),
);

/** The front matter of one paper file in `src/content/papers/`. The markdown body is the abstract. */
export const paperSchema = z
  .strictObject({
    title: nonEmpty('title'),
    authors: z
      .array(nonEmpty('each author'), { error: 'authors must be a list of names' })
      .min(1, { error: 'authors must list at least one name' }),
    authorsTruncated: z.boolean().default(false),
    date: calendarDate,
    category,
    score: z.number().min(0).max(100).optional(),
    code: z.boolean().default(false),
    codeUrl: z.url({ protocol: /^https?$/, error: 'codeUrl must be an http(s) URL' }).optional(),
    pdf: z.url({ protocol: /^https?$/, error: 'pdf must be an http(s) URL' }).optional(),
    arxiv: z
      .string()
      .regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/, {
        error: 'arxiv must be an arXiv identifier such as 2211.15029 (no URL, no "arXiv:" prefix)',
      })
      .optional(),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, { error: 'doi must look like 10.1234/abc (no https://doi.org/ prefix)' })
      .optional(),
    venue: z.string().trim().min(1).optional(),
    citationKey: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_:.-]*$/, {
        error: 'citationKey must be ASCII letters, digits, and _ : . - and start with a letter',
      })
      .optional(),
    /** Overrides the page id (otherwise the file name). */
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'slug must be lowercase letters, digits and single hyphens' })
      .optional(),
  })
  .refine((paper) => paper.codeUrl === undefined || paper.code, {
    error: 'codeUrl is set but code is false; set code: true',
    path: ['code'],
  });

/** Front matter as written by an editor (before defaults). */
export type PaperInput = z.input<typeof paperSchema>;
/** Front matter after validation and defaults. */
export type PaperData = z.output<typeof paperSchema>;
