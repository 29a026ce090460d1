import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/domain/html';
import { arxivPdfUrl, arxivUrl, doiUrl } from '../../src/formats/identifiers';
import { buildHighwireTags, buildJsonLd, findPdfUrl, serializeJsonLd } from '../../src/formats/scholar';
import { makePaper } from '../helpers/model';

const PAGE = 'https://site.example/papers/x/';
const tag = (tags: [string, string][], name: string) => tags.filter(([key]) => key === name).map(([, value]) => value);

describe('buildHighwireTags', () => {
  it('gives a journal article the tags Scholar documents, title/authors/date first', async () => {
    const paper = await makePaper({
      type: 'article-journal',
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Ludwig van Beethoven', { literal: 'World Health Organization' }],
      date: '2017-06',
      containerTitle: 'Journal of Things',
      containerTitleShort: 'J. Things',
      volume: '30',
      issue: '2',
      pages: '5998–6008',
      publisher: 'Things Press',
      doi: '10.1000/x#y',
      issn: '1234-5678',
      keywords: ['transformers', 'attention'],
      language: 'en',
      pdf: 'https://example.org/x.pdf',
    });
    expect(buildHighwireTags(paper, PAGE)).toEqual([
      ['citation_title', 'Attention Is All You Need'],
      ['citation_author', 'Ashish Vaswani'],
      ['citation_author', 'Ludwig van Beethoven'],
      ['citation_author', 'World Health Organization'],
      ['citation_publication_date', '2017/06'],
      ['citation_journal_title', 'Journal of Things'],
      ['citation_journal_abbrev', 'J. Things'],
      ['citation_volume', '30'],
      ['citation_issue', '2'],
      ['citation_firstpage', '5998'],
      ['citation_lastpage', '6008'],
      ['citation_publisher', 'Things Press'],
      ['citation_language', 'en'],
      ['citation_keywords', 'transformers'],
      ['citation_keywords', 'attention'],
      ['citation_doi', '10.1000/x#y'],
      ['citation_issn', '1234-5678'],
      ['citation_abstract_html_url', PAGE],
      ['citation_pdf_url', 'https://example.org/x.pdf'],
    ]);
  });

  it('gives the publication date at exactly its precision, never an invented month or day', async () => {
    const cases: [string | undefined, string[]][] = [
      ['2019', ['2019']],
      ['2019-03', ['2019/03']],
      ['2022-11-28', ['2022/11/28']],
      ['2024-05-20/2024-05-24', ['2024/05/20']],
      ['1850~', ['1850']],
      [undefined, []],
    ];
    for (const [date, expected] of cases) {
      const paper = await makePaper({ title: 'T', authors: ['A B'], ...(date ? { date } : {}) });
      expect(tag(buildHighwireTags(paper, PAGE), 'citation_publication_date')).toEqual(expected);
      expect(buildJsonLd(paper, PAGE).datePublished).toBe(expected[0]?.replace(/\//g, '-'));
    }
  });

  it('names the container and institution by type: conference, book, thesis, report', async () => {
    const conference = await makePaper({
      type: 'paper-conference',
      title: 'C',
      authors: ['A B'],
      containerTitle: 'Proceedings of X',
      isbn: '978-1-4503-0000-0',
    });
    expect(tag(buildHighwireTags(conference, PAGE), 'citation_conference_title')).toEqual(['Proceedings of X']);
    expect(tag(buildHighwireTags(conference, PAGE), 'citation_isbn')).toEqual(['978-1-4503-0000-0']);
    const chapter = await makePaper({ type: 'chapter', title: 'C', authors: ['A B'], containerTitle: 'The Book' });
    expect(tag(buildHighwireTags(chapter, PAGE), 'citation_inbook_title')).toEqual(['The Book']);
    const thesis = await makePaper({ type: 'thesis', title: 'T', authors: ['A B'], publisher: 'MIT' });
    expect(tag(buildHighwireTags(thesis, PAGE), 'citation_dissertation_institution')).toEqual(['MIT']);
    expect(tag(buildHighwireTags(thesis, PAGE), 'citation_publisher')).toEqual([]);
    const report = await makePaper({ type: 'report', title: 'R', authors: ['A B'], publisher: 'CERN', number: 'TR-7' });
    const reportTags = buildHighwireTags(report, PAGE);
    expect(tag(reportTags, 'citation_technical_report_institution')).toEqual(['CERN']);
    expect(tag(reportTags, 'citation_technical_report_number')).toEqual(['TR-7']);
    const webpage = await makePaper({ type: 'webpage', title: 'W', authors: ['A B'], containerTitle: 'A Site' });
    expect(buildHighwireTags(webpage, PAGE).map(([name]) => name)).not.toContain('citation_inbook_title');
  });

  it("links a preprint's arXiv PDF when it has no PDF of its own", async () => {
    const preprint = await makePaper({ title: 'P', authors: ['A B'], date: '2022-11-28', arxiv: '2211.15029' });
    const tags = buildHighwireTags(preprint, PAGE);
    expect(tag(tags, 'citation_arxiv_id')).toEqual(['2211.15029']);
    expect(tag(tags, 'citation_pdf_url')).toEqual(['https://arxiv.org/pdf/2211.15029']);
    expect(findPdfUrl(preprint)).toBe(arxivPdfUrl('2211.15029'));
    const untitled = await makePaper({ authors: ['A B'] });
    expect(tag(buildHighwireTags(untitled, PAGE), 'citation_title')).toEqual([]);
  });
});

describe('buildJsonLd', () => {
  it('nests a journal article in issue, volume and periodical; people and organisations by kind', async () => {
    const paper = await makePaper({
      type: 'article-journal',
      title: 'A',
      authors: ['Ludwig van Beethoven', 'Martin Luther King Jr.', { literal: 'ATLAS Collaboration' }],
      date: '2020-02-03',
      containerTitle: 'Physical Review D',
      volume: '101',
      issue: '3',
      pages: '034512',
      issn: '2470-0010',
      doi: '10.1103/PhysRevD.101.034512',
      arxiv: 'hep-lat/9901001',
      url: 'https://journals.aps.org/prd/abstract/10.1103/PhysRevD.101.034512',
    });
    const data = buildJsonLd(paper, PAGE);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      '@id': PAGE,
      url: PAGE,
      name: 'A',
      datePublished: '2020-02-03',
      author: [
        { '@type': 'Person', name: 'Ludwig van Beethoven', givenName: 'Ludwig', familyName: 'van Beethoven' },
        { '@type': 'Person', name: 'Martin Luther King Jr.', familyName: 'King', honorificSuffix: 'Jr.' },
        { '@type': 'Organization', name: 'ATLAS Collaboration' },
      ],
      isPartOf: {
        '@type': 'PublicationIssue',
        issueNumber: '3',
        isPartOf: {
          '@type': 'PublicationVolume',
          volumeNumber: '101',
          isPartOf: { '@type': 'Periodical', name: 'Physical Review D', issn: '2470-0010' },
        },
      },
      pagination: '034512',
      pageStart: '034512',
      sameAs: [
        'https://doi.org/10.1103/PhysRevD.101.034512',
        'https://arxiv.org/abs/hep-lat/9901001',
        'https://journals.aps.org/prd/abstract/10.1103/PhysRevD.101.034512',
      ],
    });
  });

  it("puts a chapter in its book (with the editors) and uses the type table's schema.org type", async () => {
    const chapter = await makePaper({
      type: 'chapter',
      title: 'C',
      authors: ['A B'],
      editors: ['E Editor'],
      containerTitle: 'The Book',
      publisher: 'Springer',
      isbn: '978-0-12-394292-0',
      pages: '61-85',
    });
    expect(buildJsonLd(chapter, PAGE)).toMatchObject({
      '@type': 'Chapter',
      isPartOf: {
        '@type': 'Book',
        name: 'The Book',
        editor: [{ '@type': 'Person', name: 'E Editor' }],
        isbn: '978-0-12-394292-0',
        publisher: { '@type': 'Organization', name: 'Springer' },
      },
      pageStart: '61',
      pageEnd: '85',
    });
    const software = await makePaper({
      type: 'software',
      title: 'S',
      authors: ['A B'],
      version: '1.2',
      code: 'https://github.com/a/b',
    });
    expect(buildJsonLd(software, PAGE)).toMatchObject({
      '@type': 'SoftwareSourceCode',
      softwareVersion: '1.2',
      codeRepository: 'https://github.com/a/b',
    });
  });

  it('serializes so that nothing in the data ends the script element, and parses back to the same data', async () => {
    const paper = await makePaper(
      { title: '</script><script>alert(1)</script> & <!-- \u00a0', authors: ['A B'] },
      'An abstract with </SCRIPT> and a line separator.',
    );
    const data = buildJsonLd(paper, PAGE);
    (data as Record<string, unknown>).note = 'separators \u2028 and \u2029';
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(data);
    // In a real HTML parser the element holds exactly the JSON, and nothing after it runs.
    const { document } = parseHTML(
      `<!doctype html><html><head><script type="application/ld+json">${json}</script><meta name="citation_title" content="${escapeHtml(paper.data.title as string)}"></head><body></body></html>`,
    );
    const scripts = document.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0].textContent!)).toEqual(data);
    expect(document.querySelector('meta')!.getAttribute('content')).toBe(paper.data.title);
  });
});

describe('identifier links', () => {
  it('encode the characters a URL would misread, keep the slash and what DOIs commonly hold', () => {
    expect(doiUrl('10.1000/xyz')).toBe('https://doi.org/10.1000/xyz');
    expect(doiUrl('10.1000/a#b?c%d e"<>')).toBe('https://doi.org/10.1000/a%23b%3Fc%25d%20e%22%3C%3E');
    const sici = '10.1002/(SICI)1099-0992(200001/02)30:1<41::AID-EJSP976>3.0.CO;2-O';
    expect(doiUrl(sici)).toBe('https://doi.org/10.1002/(SICI)1099-0992(200001/02)30:1%3C41::AID-EJSP976%3E3.0.CO;2-O');
    for (const doi of ['10.1000/a#b', '10.1000/q?x=1', sici, '10.1000/100%', '10.1000/ü ö']) {
      const url = new URL(doiUrl(doi));
      expect(url.hash).toBe('');
      expect(url.search).toBe('');
      expect(decodeURIComponent(url.pathname)).toBe(`/${doi}`);
    }
    expect(arxivUrl('hep-th/9901001')).toBe('https://arxiv.org/abs/hep-th/9901001');
    expect(arxivPdfUrl('2211.15029v2')).toBe('https://arxiv.org/pdf/2211.15029v2');
  });
});
