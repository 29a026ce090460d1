// The built paper pages of the shipped site: one per paper, every seed fact, the venue line, link buttons, the
// details list, the cite box with five citeproc-js styles, Scholar metadata, and the way to the neighbours.
import { describe, expect, it } from 'vitest';
import { slugifyName } from '../../src/site/authors';
import { SITE_BASE_DIR } from '../helpers/build';
import { readSeed } from '../helpers/seed';
import { loadShippedPapers } from '../helpers/shipped';
import { listBuilt, loadPage, readBuilt, readDetails, removeBibtexField, textOf } from '../helpers/site';

const seed = readSeed();
const byDate = [...seed.list].sort((a, b) => b.isoDate.localeCompare(a.isoDate));
const shipped = await loadShippedPapers();
const ids = listBuilt()
  .filter((file) => /^papers\/[^/]+\/index\.html$/.test(file))
  .map((file) => file.split('/')[1]);
/** The shipped paper and built page of a seed entry, found by its title. */
const find = (title: string) => {
  const paper = shipped.find((candidate) => candidate.csl.title === title)!;
  return { paper, page: loadPage(`papers/${paper.id}/index.html`) };
};
const readable = (entry: (typeof seed.list)[number]) =>
  entry.date.includes(',') ? entry.date : `${entry.date}, ${entry.isoDate.slice(0, 4)}`;

describe('paper pages', () => {
  it('are built once per paper, at the paper file name', () => {
    expect(ids.sort()).toEqual(shipped.map((paper) => paper.id).sort());
    expect(ids).toHaveLength(seed.papers);
  });

  it.each(byDate.map((entry) => [entry.title, entry] as const))('%s: every seed fact', (_, entry) => {
    const { page } = find(entry.title);
    expect(textOf(page.querySelector('h1'))).toBe(entry.title);
    expect(textOf(page.querySelector('title'))).toBe(`${entry.title} · ${seed.name} · Bibliography`);
    expect(textOf(page.querySelector('.paper__authors'))).toBe(
      `${entry.authors.join(', ')}${entry.truncated ? ' et al.' : ''}`,
    );
    const meta = page.querySelector('.paper-meta')!;
    expect(textOf(meta.querySelector('.badge--category'))).toBe(entry.category);
    expect(textOf(meta.querySelector('.badge--type'))).toBe('Preprint');
    expect(meta.querySelector('time')!.getAttribute('datetime')).toBe(entry.isoDate);
    expect(textOf(meta.querySelector('time'))).toBe(readable(entry));
    expect(textOf(meta.querySelector('.score')).replace('Score ', '')).toBe(
      entry.score === undefined ? '' : String(entry.score),
    );
    // Code once: a code URL is a link button by the title, a bare `code: true` the mark in the meta line.
    expect(Boolean(meta.querySelector('.code-mark') ?? page.querySelector('.paper-link--code'))).toBe(entry.code);
    // The full abstract, its LaTeX rendered readably: no backslash commands or dollar math left.
    const abstract = textOf(page.querySelector('.abstract'));
    expect(abstract).not.toMatch(/\\[a-z%]|\$/);
    expect(abstract.startsWith(entry.abstract.split(' ').slice(0, 12).join(' '))).toBe(true);
    expect(abstract.length).toBeGreaterThan(entry.abstract.length * 0.9);
    expect(page.querySelector('meta[name="description"]')!.getAttribute('content')!.length).toBeGreaterThan(50);
  });

  it.each(byDate.map((entry) => [entry.title, entry] as const))(
    '%s: venue line, link buttons and details list',
    (_, entry) => {
      const { paper, page } = find(entry.title);
      const arxiv = paper.site.arxiv;
      expect(textOf(page.querySelector('.paper__venue'))).toBe(arxiv ? `arXiv, arXiv:${arxiv}` : 'arXiv');
      const links = [...page.querySelectorAll('.paper-links--buttons a')].map((a) => [
        textOf(a),
        a.getAttribute('href'),
      ]);
      const code = typeof paper.site.code === 'string' ? paper.site.code : undefined;
      expect(links).toEqual([
        ...(arxiv
          ? [
              ['PDF', `https://arxiv.org/pdf/${arxiv}`],
              [`arXiv:${arxiv}`, `https://arxiv.org/abs/${arxiv}`],
            ]
          : []),
        ...(code ? [['Code', code]] : []),
      ]);
      expect(Boolean(code)).toBe(entry.code);
      const names: Record<string, string> = {
        CL: 'Computation and Language',
        LG: 'Machine Learning',
        CV: 'Computer Vision and Pattern Recognition',
      };
      expect(readDetails(page.querySelector('dl.details'))).toEqual({
        Type: 'Preprint',
        Published: readable(entry),
        Category: `${names[entry.category]} (cs.${entry.category})`,
        Repository: 'arXiv',
        ...(arxiv ? { arXiv: arxiv } : {}),
        ...(entry.score === undefined ? {} : { Score: String(entry.score) }),
      });
      // The type, year and category link to their pages.
      expect([...page.querySelectorAll('dl.details a')].map((a) => a.getAttribute('href'))).toEqual([
        '/types/preprints/',
        `/years/${entry.isoDate.slice(0, 4)}/`,
        `/categories/${entry.category.toLowerCase()}/`,
        ...(arxiv ? [`https://arxiv.org/abs/${arxiv}`] : []),
      ]);
    },
  );

  it('link each author to their page and emphasise the owner', () => {
    for (const entry of seed.list.filter((candidate) => candidate.authors.includes(seed.name))) {
      const { page } = find(entry.title);
      const links = [...page.querySelectorAll('.paper__authors a')];
      expect(links.map(textOf)).toEqual(entry.authors);
      expect(links.map((a) => a.getAttribute('href'))).toEqual(
        entry.authors.map((name) => `/authors/${slugifyName(name)}/`),
      );
      expect(textOf(page.querySelector('.paper__authors a.owner'))).toBe(seed.name);
    }
  });

  it('render the LaTeX of the seed abstracts as markup', () => {
    const html = readBuilt('papers/llama-scope/index.html');
    expect(html).toContain('<em>feature splitting</em>');
    expect(html).toContain(
      '<a href="https://huggingface.co/fnlp/Llama-Scope">https://huggingface.co/fnlp/Llama-Scope</a>',
    );
    expect(
      textOf(loadPage('papers/attention-low-dimensional-subspaces/index.html').querySelector('.abstract')),
    ).toContain('about 60% of the directions account for 99% of the variance');
  });
});

describe('paper pages: the cite box', () => {
  const STYLES = ['APA', 'IEEE', 'Chicago', 'MLA', 'Vancouver'];

  it.each(ids)('%s: five styles, the BibTeX entry, downloads', (id) => {
    const page = loadPage(`papers/${id}/index.html`);
    const paper = shipped.find((candidate) => candidate.id === id)!;
    const title = paper.csl.title as string;
    const year = String((paper.csl.issued as { 'date-parts': number[][] })['date-parts'][0][0]);
    const radios = [...page.querySelectorAll('.cite__styles input[type="radio"]')];
    expect(radios.map((radio) => textOf(page.querySelector(`label[for="${radio.id}"]`)))).toEqual(STYLES);
    expect(radios.map((radio) => radio.hasAttribute('checked'))).toEqual([true, false, false, false, false]);
    const formatted = ['apa', 'ieee', 'chicago', 'mla', 'vancouver'].map((style) =>
      textOf(page.querySelector(`.cite__formatted--${style}`)),
    );
    // Styles change the title's case and quotes; its words stay.
    const words = (text: string) => text.toLowerCase().replace(/[’']/g, "'");
    for (const text of formatted) {
      expect(words(text)).toContain(words(title.split(':')[0]));
      expect(text).toContain(year);
    }
    const family = paper.names.author![0];
    const first = 'literal' in family ? family.literal : family.family;
    for (const text of formatted) expect(text).toContain(first);
    // The styles differ as each style says (APA: "(2022).", Vancouver: "…; 2022.").
    expect(formatted[0]).toContain(`(${year}).`);
    expect(formatted[4]).toMatch(new RegExp(`; ${year}\\.$`));
    expect(new Set(formatted).size).toBe(5);
    // The shown entry is the .bib file's without its abstract (the file keeps it).
    expect(page.querySelector('.cite pre')!.textContent).toBe(
      removeBibtexField(readBuilt(`papers/${id}.bib`), 'abstract'),
    );
    expect(textOf(page.querySelector('#bibtex-heading code'))).toBe(paper.key);
    expect(page.querySelector('.copy-button')!.hasAttribute('hidden')).toBe(true);
    expect([...page.querySelectorAll('.cite__downloads a')].map((a) => a.getAttribute('href'))).toEqual([
      `/papers/${id}.bib`,
      `/papers/${id}.ris`,
      `/papers/${id}.json`,
    ]);
  });

  it('formats APA as citeproc-js does for a truncated preprint: the title in italics, the publisher', () => {
    const page = loadPage('papers/diffusionbert/index.html');
    const apa = page.querySelector('.cite__formatted--apa')!;
    expect(textOf(apa)).toBe(
      'He, Z., Sun, T., Wang, K., & others. (2022). DiffusionBERT: Improving Generative Masked Language Models with Diffusion Models. arXiv.',
    );
    expect(textOf(apa.querySelector('i'))).toBe(
      'DiffusionBERT: Improving Generative Masked Language Models with Diffusion Models',
    );
  });

  it('download links honour the base path', () => {
    const page = loadPage('papers/bbtv2/index.html', SITE_BASE_DIR);
    expect([...page.querySelectorAll('.cite__downloads a')].map((a) => a.getAttribute('href'))).toEqual([
      '/bib/papers/bbtv2.bib',
      '/bib/papers/bbtv2.ris',
      '/bib/papers/bbtv2.json',
    ]);
  });
});

describe('paper pages: Scholar metadata', () => {
  it.each(byDate.map((entry) => [entry.title, entry] as const))('%s', (title, entry) => {
    const { page } = find(title);
    const meta = (name: string) =>
      [...page.querySelectorAll(`meta[name="${name}"]`)].map((tag) => tag.getAttribute('content'));
    expect(meta('citation_title')).toEqual([title]);
    expect(meta('citation_author')).toEqual(entry.authors);
    expect(meta('citation_publication_date')).toEqual([entry.isoDate.replace(/-/g, '/')]);
    expect(meta('citation_publisher')).toEqual(['arXiv']);
    const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(jsonLd).toMatchObject({ '@type': 'ScholarlyArticle', headline: title, datePublished: entry.isoDate });
    expect(page.querySelector('meta[property="og:type"]')!.getAttribute('content')).toBe('article');
  });
});

describe('paper pages: previous/next and related papers', () => {
  it('chain every paper newest to oldest', () => {
    for (const [index, entry] of byDate.entries()) {
      const { page } = find(entry.title);
      const newer = page.querySelector('.pager__newer');
      const older = page.querySelector('.pager__older');
      expect(newer ? textOf(newer).replace('← Newer ', '') : undefined).toBe(byDate[index - 1]?.title);
      expect(older ? textOf(older).replace('Older → ', '') : undefined).toBe(byDate[index + 1]?.title);
    }
  });

  it('list up to five related papers that share an author or the category, never the paper itself', () => {
    for (const entry of seed.list) {
      const { page } = find(entry.title);
      const related = [...page.querySelectorAll('.related > li > a')].map(textOf);
      expect(related.length).toBeGreaterThan(0);
      expect(related.length).toBeLessThanOrEqual(5);
      expect(related).not.toContain(entry.title);
      for (const title of related) {
        const other = seed.list.find((candidate) => candidate.title === title)!;
        expect(other.authors.some((name) => entry.authors.includes(name)) || other.category === entry.category).toBe(
          true,
        );
      }
    }
  });
});
