// A paper's links, in the order readers look for them.
import { describe, expect, it } from 'vitest';
import { listPaperLinks } from '../../src/site/links';
import { makePaper } from '../helpers/model';

const linksOf = async (frontMatter: Record<string, unknown>) =>
  listPaperLinks(await makePaper({ type: 'article', title: 'T', authors: ['A B'], ...frontMatter })).map(
    (link) => `${link.kind} ${link.label} ${link.url}`,
  );

describe('listPaperLinks', () => {
  it('orders the PDF, arXiv, DOI, code, the other material, the work’s own page, then custom links', async () => {
    expect(
      await linksOf({
        arxiv: '2211.15029',
        doi: '10.1000/xyz',
        code: 'https://github.com/a/b',
        slides: 'https://x.org/slides.pdf',
        pdf: 'https://x.org/paper.pdf',
        url: 'https://x.org/',
        links: [{ label: 'Talk video', url: 'https://video.example/1' }],
      }),
    ).toEqual([
      'pdf PDF https://x.org/paper.pdf',
      'arxiv arXiv:2211.15029 https://arxiv.org/abs/2211.15029',
      'doi DOI https://doi.org/10.1000/xyz',
      'code Code https://github.com/a/b',
      'slides Slides https://x.org/slides.pdf',
      'url Website https://x.org/',
      'custom Talk video https://video.example/1',
    ]);
  });

  it("falls back to arXiv's PDF, and does not repeat the work's URL", async () => {
    expect(await linksOf({ arxiv: '2211.15029', url: 'https://arxiv.org/abs/2211.15029' })).toEqual([
      'pdf PDF https://arxiv.org/pdf/2211.15029',
      'arxiv arXiv:2211.15029 https://arxiv.org/abs/2211.15029',
    ]);
  });

  it('gives no link for a Code mark without a URL, and none at all when there is nothing', async () => {
    expect(await linksOf({ code: true })).toEqual([]);
    expect(await linksOf({})).toEqual([]);
  });
});
