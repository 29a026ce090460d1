// A paper's search record, from the model: the abstract as content (Chinese and Japanese words separated), the
// result list's metadata, the filters and the date sort key; nothing of the page's badges, dates or link labels.
import { describe, expect, it } from 'vitest';
import { toSearchRecord, UNDATED_SORT_KEY } from '../../src/site/search-records';
import { makePaper } from '../helpers/model';

const preprint = {
  type: 'article',
  title: 'DiffusionBERT: Improving Generative Masked Language Models',
  authors: ['Zhengfu He', 'Tianxiang Sun'],
  authorsTruncated: true,
  date: '2022-11-28',
  arxiv: '2211.15029v2',
  category: 'cs.CL',
  score: 49.6,
  code: 'https://github.com/example/diffusionbert',
};

describe('toSearchRecord', () => {
  it('indexes the abstract only; title, authors, type and venue are metadata; filters and sort from the model', async () => {
    const paper = await makePaper(preprint, 'We present **DiffusionBERT**, a diffusion model.');
    const record = toSearchRecord(paper, '/bib/papers/diffusionbert/', 'en');
    expect(record.url).toBe('/bib/papers/diffusionbert/');
    expect(record.language).toBe('en');
    expect(record.content).toBe('We present DiffusionBERT, a diffusion model.');
    expect(record.meta).toEqual({
      paper: paper.id,
      title: 'DiffusionBERT: Improving Generative Masked Language Models',
      authors: 'Zhengfu He, Tianxiang Sun et al.',
      year: '2022',
      type: 'Preprint',
      venue: expect.stringContaining('2211.15029'),
      category: 'Computation and Language (cs.CL)',
    });
    expect(record.filters).toEqual({
      category: ['Computation and Language'],
      type: ['Preprints'],
      year: ['2022'],
      author: ['Zhengfu He', 'Tianxiang Sun'],
      abstract: ['yes'],
    });
    expect(record.sort).toEqual({ date: '2022-11-28' });
    // No score, badge, date or link label anywhere in what is searched.
    const searched = [record.content, ...Object.values(record.meta)].join(' ');
    expect(searched).not.toMatch(/49\.6|Score|Code|Nov 28|Abstract/);
  });

  it('separates Chinese and Japanese words in the content and in a searched copy of the title; shows the title as written', async () => {
    const paper = await makePaper(
      { ...preprint, title: '稀疏自编码器的特征', authors: ['张伟', 'Zhengfu He'] },
      '本文研究机器翻译。',
    );
    const record = toSearchRecord(paper, '/papers/x/', 'en');
    expect(record.content).toBe('本文 研究 机器 翻译 。');
    expect(record.meta.title).toBe('稀疏自编码器的特征');
    expect(record.meta.words).toContain('稀疏 自 编码 器');
    expect(record.meta.words).toContain('张 伟');
  });

  it('indexes a paper without an abstract by its title, marked so no excerpt is shown; undated papers sort last', async () => {
    const paper = await makePaper({ type: 'book', title: 'A Book Without Abstract', authors: ['Ada Lovelace'] });
    const record = toSearchRecord(paper, '/papers/book/', 'en');
    expect(record.content).toBe('A Book Without Abstract');
    expect(record.filters.abstract).toEqual(['no']);
    expect(record.filters.year).toEqual(['n.d.']);
    expect(record.sort.date).toBe(UNDATED_SORT_KEY);
    expect('category' in record.filters).toBe(false);
  });
});
