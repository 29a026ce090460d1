import { ARXIV_CATEGORIES } from './arxiv-categories';

/** How the site's categories are defined (the `taxonomy` section of the site config). */
export interface TaxonomyOptions {
  /** Use arXiv's category list (every archive). */
  arxiv: boolean;
  /** The arXiv archive whose subject classes may be written alone (`CL` for `cs.CL`) and are shown as badges that way. */
  defaultArchive?: string;
  /** The site's own categories: code → name. They take precedence over arXiv codes. */
  labels: Readonly<Record<string, string>>;
}

/** One category of the site's taxonomy. */
export interface Category {
  /** Canonical code, as stored: `cs.CL`, `hep-th`, or a label's own code. */
  code: string;
  /** Readable name: "Computation and Language". */
  name: string;
  /** Short form shown on badges and chips: `CL` (default archive), `hep-th`, or the label's code. */
  badge: string;
  /** URL segment of the category's pages: `cl`, `hep-th`, `math-co`. */
  slug: string;
  /** True for an arXiv category (written to BibTeX as the eprint's class). */
  arxiv: boolean;
}

/** The site's categories: resolves what front matter writes, lists the choices for error messages. */
export interface Taxonomy {
  /** The category a front-matter value names, if any (case-insensitive; `CL` or `cs.CL` with default archive cs). */
  resolve(value: string): Category | undefined;
  /** A short description of valid values, for error messages. */
  describe(): string;
}

/** A URL segment for a category code. */
function slugifyCode(code: string): string {
  return (
    code
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'category'
  );
}

/** Builds the taxonomy the site config describes. */
export function createTaxonomy(options: TaxonomyOptions): Taxonomy {
  const byLower = new Map<string, Category>();
  const archive = options.defaultArchive;
  if (options.arxiv) {
    for (const [code, name] of Object.entries(ARXIV_CATEGORIES)) {
      const short = archive && code.startsWith(`${archive}.`) ? code.slice(archive.length + 1) : undefined;
      const category = { code, name, badge: short ?? code, slug: slugifyCode(short ?? code), arxiv: true };
      byLower.set(code.toLowerCase(), category);
      if (short) byLower.set(short.toLowerCase(), category);
    }
  }
  for (const [code, name] of Object.entries(options.labels)) {
    byLower.set(code.toLowerCase(), { code, name, badge: code, slug: slugifyCode(code), arxiv: false });
  }
  return {
    resolve: (value) => byLower.get(value.trim().toLowerCase()),
    describe: () => {
      const parts = [];
      const own = Object.keys(options.labels);
      if (own.length > 0) parts.push(`one of the site's categories (${own.join(', ')})`);
      if (options.arxiv) {
        parts.push(
          `an arXiv category such as ${archive ? `${archive}.${archive === 'cs' ? 'CL' : 'XX'} (or just the part after "${archive}.")` : 'cs.CL'}, hep-th or math.CO`,
        );
      }
      return parts.length > 0
        ? parts.join(' or ')
        : 'nothing: this site defines no categories (see taxonomy in site.config.mjs)';
    },
  };
}
