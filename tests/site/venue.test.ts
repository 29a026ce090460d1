// The venue line under a title: where the work appeared, as readers of each type expect it.
import { describe, expect, it } from 'vitest';
import { formatVenue, formatVenueText } from '../../src/site/venue';
import { COMMON_PAPERS } from '../helpers/bibtex-fixtures';
import { makePaper, makePapers } from '../helpers/model';

const venueOf = async (frontMatter: Record<string, unknown>) =>
  formatVenueText(await makePaper({ title: 'T', authors: ['Ada Lovelace'], ...frontMatter }));

describe('formatVenue', () => {
  it('gives every common type its venue line', async () => {
    const papers = await makePapers(COMMON_PAPERS);
    const lines = Object.fromEntries(papers.map((paper) => [paper.file, formatVenueText(paper)]));
    expect(lines).toEqual({
      'article.md': 'Journal of Machine Learning Research, 18(3), 1–15',
      'conference.md':
        'In Jane Doe (Ed.), Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition, pp. 770–778. IEEE, Las Vegas',
      'book.md': '2nd ed., Addison-Wesley, Reading, Mass.',
      'edited-book.md': 'Chapman and Hall/CRC',
      'chapter.md':
        'In Nitin Indurkhya and Fred J. Damerau (Eds.), Handbook of Natural Language Processing, pp. 9–30. Chapman and Hall/CRC',
      'phd.md': 'PhD thesis, University of Cambridge, Cambridge',
      'masters.md': "Master's thesis, Yale University",
      'report.md': 'Technical report TR-2021-07, Institute for Advanced Study',
      'dataset.md': 'Stanford Vision Lab, Version 2012',
      'software.md': 'SciPy Developers, Version 1.4.1',
      'webpage.md': '',
      'preprint.md': 'arXiv, arXiv:2211.15029v2',
      'talk.md': 'TUG 2024, Prague',
    });
  });

  it('marks publication titles, and only those, as titles (shown in italics)', async () => {
    const [article] = await makePapers([COMMON_PAPERS[0]]);
    expect(formatVenue(article).filter((part) => part.title)).toEqual([
      { text: 'Journal of Machine Learning Research', title: true },
    ]);
    const chapter = await makePaper(COMMON_PAPERS.find((paper) => paper.file === 'chapter.md')!.frontMatter);
    expect(
      formatVenue(chapter)
        .filter((part) => part.title)
        .map((part) => part.text),
    ).toEqual(['Handbook of Natural Language Processing']);
  });

  it('writes journals as print does: volume(issue), an issue alone, page ranges with an en dash', async () => {
    expect(await venueOf({ type: 'article-journal', containerTitle: 'Nature', volume: '12', pages: '45-67' })).toBe(
      'Nature, 12, 45–67',
    );
    expect(await venueOf({ type: 'article-journal', containerTitle: 'Nature', issue: '7' })).toBe('Nature, no. 7');
    expect(await venueOf({ type: 'article-magazine', containerTitle: 'Wired', pages: '3--9' })).toBe('Wired, 3–9');
  });

  it('lists editors as a reader writes them: one, two, or a serial list', async () => {
    const inBook = (editors: string[]) => venueOf({ type: 'chapter', containerTitle: 'Book', editors, publisher: 'P' });
    expect(await inBook(['A One'])).toBe('In A One (Ed.), Book. P');
    expect(await inBook(['A One', 'B Two'])).toBe('In A One and B Two (Eds.), Book. P');
    expect(await inBook(['A One', 'B Two', 'C Three'])).toBe('In A One, B Two, and C Three (Eds.), Book. P');
    expect(await venueOf({ type: 'paper-conference', pages: '1-9', publisher: 'ACM' })).toBe('pp. 1–9. ACM');
  });

  it('writes editions as ordinals and keeps other editions as written', async () => {
    const edition = (value: string) => venueOf({ type: 'book', edition: value, publisher: 'P' });
    expect(await edition('1')).toBe('1st ed., P');
    expect(await edition('3')).toBe('3rd ed., P');
    expect(await edition('11')).toBe('11th ed., P');
    expect(await edition('12')).toBe('12th ed., P');
    expect(await edition('22')).toBe('22nd ed., P');
    expect(await edition('Revised')).toBe('Revised, P');
  });

  it('gives a preprint its repository and number, a report its kind, a patent its authority', async () => {
    expect(await venueOf({ type: 'article', publisher: 'SSRN', number: '4211' })).toBe('SSRN, 4211');
    expect(await venueOf({ type: 'article', arxiv: '2211.15029' })).toBe('arXiv, arXiv:2211.15029');
    expect(await venueOf({ type: 'report', number: '7', publisher: 'NASA' })).toBe('Report 7, NASA');
    expect(await venueOf({ type: 'thesis', publisher: 'MIT' })).toBe('Thesis, MIT');
    expect(await venueOf({ type: 'patent', authority: 'US Patent Office', number: 'US 1,234' })).toBe(
      'US Patent Office, Patent US 1,234',
    );
    expect(await venueOf({ type: 'speech', genre: 'Keynote', eventTitle: 'ACL', eventPlace: 'Dublin' })).toBe(
      'Keynote, ACL, Dublin',
    );
  });

  it('shows nothing rather than invent a venue', async () => {
    expect(await venueOf({ type: 'manuscript' })).toBe('');
    expect(await venueOf({ type: 'book' })).toBe('');
    expect(await venueOf({ type: 'webpage', url: 'https://x.org/' })).toBe('');
    expect(await venueOf({ type: 'webpage', containerTitle: 'Wikipedia' })).toBe('Wikipedia');
  });
});
