import { spawnSync } from 'node:child_process';
import { getRssString } from '@astrojs/rss';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  authorFeedPath,
  buildFeed,
  buildFeedItems,
  categoryFeedPath,
  describeAuthorFeed,
  describeCategoryFeed,
  describeSiteFeed,
  escapeHtmlText,
  findLastBuildDate,
  formatRfc822,
  requireFeedContext,
  sanitizeAbstractHtml,
  siteFeedPath,
  stripInvalidXmlChars,
} from '../src/lib/feed';
import { groupByAuthor, groupByCategory, sortPapers, toPaper, type Paper } from '../src/lib/paper';
import { slugifyAuthor } from '../src/lib/authors';
import type { PaperData } from '../src/lib/schema';

const SITE = 'https://example.org';
const PAGE = 'https://example.org/bib/papers/x/';
const context = { site: SITE, base: '/bib/' };

/** RFC 822 as RSS 2.0 uses it, with a four-digit year and a GMT or numeric zone. */
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

function makePaper(id: string, overrides: Partial<PaperData> = {}, html = '<p>An abstract.</p>'): Paper {
  const data: PaperData = {
    title: `Paper ${id}`,
    authors: ['Ada Lovelace'],
    authorsTruncated: false,
    date: new Date('2024-05-22T00:00:00Z'),
    category: 'CL',
    code: false,
    ...overrides,
  };
  return toPaper({ id, filePath: `src/content/papers/${id}.md`, data, body: 'An abstract.', html });
}

/** Reads XML as a feed reader would: entities decoded, text kept as text. */
const reader = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['item', 'category', 'dc:creator'].includes(name),
});

/** Checks well-formedness with libxml2, the parser many feed readers use. */
function xmllint(xml: string): { status: number | null; stderr: string } {
  const result = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

async function render(papers: Paper[], channel = describeSiteFeed('Ada Lovelace')) {
  const xml = await getRssString(buildFeed(papers, channel, context));
  return { xml, channel: reader.parse(xml).rss.channel };
}

describe('sanitizeAbstractHtml', () => {
  it('keeps the markup markdown produces', () => {
    const html =
      '<p>We use <em>sparse</em> <strong>autoencoders</strong>, <code>x &lt; y</code> &amp; <a href="https://example.com/a?b=1&amp;c=2">a link</a>.</p>\n<ul>\n<li>one</li>\n</ul>';
    expect(sanitizeAbstractHtml(html, PAGE)).toBe(html);
  });

  it.each([
    ['<p>a<script>alert(1)</script>b</p>', '<p>ab</p>'],
    ['<p>a<SCRIPT src="https://evil.example/x.js"></SCRIPT>b</p>', '<p>ab</p>'],
    ['<style>p{display:none}</style><p>a</p>', '<p>a</p>'],
    ['<iframe src="https://evil.example/"></iframe><p>a</p>', '<p>a</p>'],
    ['<p onclick="alert(1)" style="color:red" class="x">a</p>', '<p>a</p>'],
    [
      '<img src="https://example.com/f.png" onerror="alert(1)" alt="f">',
      '<img src="https://example.com/f.png" alt="f" />',
    ],
    ['<img src="x" onerror="alert(1)">', '<img src="https://example.org/bib/papers/x/x" />'],
    ['<svg><script>alert(1)</script></svg><p>a</p>', '<p>a</p>'],
    ['<object data="x.swf"></object><embed src="x.swf"><p>a</p>', '<p>a</p>'],
    ['<form action="https://evil.example/"><input name="q"><button>go</button></form>', 'go'],
    ['<p>a<!-- <script>alert(1)</script> -->b</p>', '<p>ab</p>'],
  ])('removes dangerous markup: %s', (input, expected) => {
    expect(sanitizeAbstractHtml(input, PAGE)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java&#x09;script:alert(1)',
    'jav&#x0A;ascript:alert(1)',
    '&#106;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  ])('drops the link target %s but keeps the link text', (href) => {
    expect(sanitizeAbstractHtml(`<p><a href="${href}">text</a></p>`, PAGE)).toBe('<p><a>text</a></p>');
  });

  it('drops data: images', () => {
    expect(sanitizeAbstractHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="a">', PAGE)).toBe(
      '<img alt="a" />',
    );
  });

  it.each([
    ['../other/', 'https://example.org/bib/papers/other/'],
    ['/root/page', 'https://example.org/root/page'],
    ['#results', 'https://example.org/bib/papers/x/#results'],
    ['figure.html?a=1&b=2', 'https://example.org/bib/papers/x/figure.html?a=1&amp;b=2'],
    ['https://arxiv.org/abs/2211.15029', 'https://arxiv.org/abs/2211.15029'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['//cdn.example.com/x', 'https://cdn.example.com/x'],
  ])('makes link %s absolute against the paper page', (href, expected) => {
    expect(sanitizeAbstractHtml(`<a href="${href}">l</a>`, PAGE)).toBe(`<a href="${expected}">l</a>`);
  });

  it('makes image sources absolute too', () => {
    expect(sanitizeAbstractHtml('<img src="fig/1.png" alt="Figure 1">', PAGE)).toBe(
      '<img src="https://example.org/bib/papers/x/fig/1.png" alt="Figure 1" />',
    );
  });

  it('removes characters XML forbids', () => {
    expect(sanitizeAbstractHtml('<p>a\u000cb\u0000c</p>', PAGE)).toBe('<p>abc</p>');
  });

  it('never lets a tag outside the allow-list, an event handler or a non-http(s) URL through', () => {
    const fragments = fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" JAVASCRIPT:alert(1)">x</a>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '<svg onload=alert(1)>',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
      '<p style="background:url(javascript:alert(1))">',
      '<body onload=alert(1)>',
      '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
      '<base href="javascript:/">',
      '<link rel=stylesheet href="https://evil.example/x.css">',
      '<a href="relative/path">r</a>',
      '<em>',
      '</em>',
      '<p>',
      '</p>',
      '"><',
      '<',
      '>',
      '&',
      'text',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
    );
    const allowed = new Set(
      'P BR HR BLOCKQUOTE PRE CODE KBD SAMP VAR EM STRONG B I U S DEL INS MARK SMALL SUB SUP Q CITE ABBR UL OL LI DL DT DD A IMG SPAN FIGURE FIGCAPTION H1 H2 H3 H4 H5 H6 TABLE CAPTION THEAD TBODY TFOOT TR TH TD'.split(
        ' ',
      ),
    );
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 12 }), (parts) => {
        const clean = sanitizeAbstractHtml(parts.join(''), PAGE);
        const { document } = parseHTML(`<!doctype html><html><body><div id="root">${clean}</div></body></html>`);
        for (const element of document.querySelectorAll('#root *')) {
          expect(allowed.has(element.tagName)).toBe(true);
          for (const attribute of element.attributes) {
            expect(attribute.name.startsWith('on')).toBe(false);
            if (attribute.name === 'href' || attribute.name === 'src') {
              expect(attribute.value).toMatch(/^(https?:\/\/|mailto:)/);
            }
          }
        }
        expect(clean.toLowerCase()).not.toContain('javascript:');
      }),
      { numRuns: 300 },
    );
  });
});

describe('stripInvalidXmlChars and escapeHtmlText', () => {
  it('keeps tab, newline, non-ASCII and emoji; drops controls and lone surrogates', () => {
    expect(stripInvalidXmlChars('a\tb\nc\u000bd\u0001e中😀\ud800f\udc00g\uffff')).toBe('a\tb\ncde中😀fg');
  });

  it('escapes the characters HTML readers would read as markup', () => {
    expect(escapeHtmlText('a < b && c > "d"')).toBe('a &lt; b &amp;&amp; c &gt; "d"');
  });
});

describe('feed paths and channels', () => {
  const papers = sortPapers([
    makePaper('one', { category: 'CL', authors: ['Ada Lovelace', '张三'] }),
    makePaper('two', { category: 'LG', date: new Date('2023-01-02T00:00:00Z') }),
  ]);

  it('puts each feed next to the page it mirrors', () => {
    expect(siteFeedPath()).toBe('rss.xml');
    expect(categoryFeedPath('CL')).toBe('categories/cl/rss.xml');
    expect(authorFeedPath('zhengfu-he')).toBe('authors/zhengfu-he/rss.xml');
  });

  it('describes category and author feeds with their page and feed paths', () => {
    const [cl] = groupByCategory(papers);
    expect(describeCategoryFeed(cl, 'Ada Lovelace')).toEqual({
      title: 'Computation and Language (cs.CL) · Ada Lovelace · Bibliography',
      description:
        "Papers in Computation and Language (cs.CL) from Ada Lovelace's bibliography, newest first, with abstracts.",
      pagePath: 'categories/cl/',
      feedPath: 'categories/cl/rss.xml',
    });
    const zhang = groupByAuthor(papers, slugifyAuthor).find((group) => group.name === '张三')!;
    expect(describeAuthorFeed(zhang, 'Ada Lovelace')).toMatchObject({
      title: '张三 · Ada Lovelace · Bibliography',
      pagePath: 'authors/张三/',
      feedPath: 'authors/张三/rss.xml',
    });
  });

  it('percent-encodes non-ASCII feed addresses', async () => {
    const zhang = groupByAuthor(papers, slugifyAuthor).find((group) => group.name === '张三')!;
    const { channel } = await render(zhang.papers, describeAuthorFeed(zhang, 'Ada Lovelace'));
    expect(channel.link).toBe('https://example.org/bib/authors/%E5%BC%A0%E4%B8%89/');
    expect(channel['atom:link']['@_href']).toBe('https://example.org/bib/authors/%E5%BC%A0%E4%B8%89/rss.xml');
  });

  it('requires a site URL', () => {
    expect(() => requireFeedContext(undefined, '/')).toThrow(/site/);
    expect(requireFeedContext(new URL(SITE), '/bib/')).toEqual({ site: new URL(SITE), base: '/bib/' });
  });
});

describe('buildFeedItems', () => {
  it('builds one item per paper with absolute links under the base path', () => {
    const paper = makePaper('sparse-ae', {
      title: 'Sparse & <Dense> "Autoencoders"',
      authors: ['Zoë O’Brien', 'Łukasz Ćwik', 'A & B <Lab>'],
      authorsTruncated: true,
      category: 'LG',
    });
    const [item] = buildFeedItems([paper], context);
    expect(item).toEqual({
      title: 'Sparse & <Dense> "Autoencoders"',
      link: 'https://example.org/bib/papers/sparse-ae/',
      pubDate: paper.date,
      description: 'An abstract.',
      content: '<p>An abstract.</p>\n<p>Authors: Zoë O’Brien, Łukasz Ćwik, A &amp; B &lt;Lab&gt; et al.</p>',
      categories: ['Machine Learning', 'cs.LG'],
      customData:
        '<dc:creator>Zoë O’Brien</dc:creator><dc:creator>Łukasz Ćwik</dc:creator><dc:creator>A &amp; B &lt;Lab&gt;</dc:creator>',
    });
  });

  it('says "et al." only for truncated author lists, and never invents a creator', () => {
    const [full, truncated] = buildFeedItems(
      [makePaper('a', { authors: ['A One', 'B Two'] }), makePaper('b', { authors: ['A One'], authorsTruncated: true })],
      context,
    );
    expect(full.content).toContain('<p>Authors: A One, B Two</p>');
    expect(truncated.content).toContain('<p>Authors: A One et al.</p>');
    expect(truncated.customData).toBe('<dc:creator>A One</dc:creator>');
  });

  it('writes the description as HTML-escaped plain text of the sanitized abstract', () => {
    const html = '<p>We show x &lt; y &amp; z.<script>alert("no")</script></p>\n<p>Second <em>part</em>.</p>';
    const [item] = buildFeedItems([makePaper('esc', {}, html)], context);
    expect(item.description).toBe('We show x &lt; y &amp; z.\n\nSecond part.');
    expect(item.content).not.toContain('script');
  });

  it('keeps the order it is given', () => {
    const papers = ['c', 'a', 'b'].map((id) => makePaper(id));
    expect(buildFeedItems(papers, context).map((item) => item.link)).toEqual([
      'https://example.org/bib/papers/c/',
      'https://example.org/bib/papers/a/',
      'https://example.org/bib/papers/b/',
    ]);
  });

  it('builds a paper item once per deployment and reuses it in every feed', () => {
    const paper = makePaper('memo');
    const [first] = buildFeedItems([paper], context);
    expect(buildFeedItems([paper], { ...context })[0]).toBe(first);
    expect(buildFeedItems([paper], { site: SITE, base: '/' })[0].link).toBe('https://example.org/papers/memo/');
  });

  it.each(['007', '1e3', '0x1F', 'true', '12.5'])(
    'rejects the author name %s, which the feed writer would turn into a number, naming file and field',
    (name) => {
      expect(() => buildFeedItems([makePaper('num', { authors: ['Ada Lovelace', name] })], context)).toThrow(
        `Invalid paper file src/content/papers/num.md\n  authors: "${name}"`,
      );
    },
  );
});

describe('buildFeed rendered by @astrojs/rss', () => {
  const papers = sortPapers([
    makePaper('older', { date: new Date('2022-11-28T00:00:00Z'), authors: ['Zhengfu He', 'Tianxiang Sun'] }),
    makePaper('newer', { date: new Date('2024-02-29T00:00:00Z'), title: 'Ünïcode & <Friends> "quoted" 中文标题' }),
  ]);

  it('writes a well-formed RSS 2.0 document with channel metadata', async () => {
    const { xml, channel } = await render(papers);
    expect(xmllint(xml)).toEqual({ status: 0, stderr: '' });
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet href="/bib/rss.xsl" type="text/xsl"?>'),
    ).toBe(true);
    const rss = reader.parse(xml).rss;
    expect(rss['@_version']).toBe('2.0');
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(channel.title).toBe('Ada Lovelace · Bibliography');
    expect(channel.link).toBe('https://example.org/bib/');
    expect(channel.language).toBe('en');
    expect(channel['atom:link']).toEqual({
      '@_href': 'https://example.org/bib/rss.xml',
      '@_rel': 'self',
      '@_type': 'application/rss+xml',
    });
    expect(channel.lastBuildDate).toBe('Thu, 29 Feb 2024 00:00:00 GMT');
  });

  it('writes items newest first with RFC 822 dates, creators, categories and escaped content', async () => {
    const { channel } = await render(papers);
    expect(channel.item).toHaveLength(2);
    const [newer, older] = channel.item;
    expect(newer.title).toBe('Ünïcode & <Friends> "quoted" 中文标题');
    expect(newer.guid).toEqual({ '#text': 'https://example.org/bib/papers/newer/', '@_isPermaLink': 'true' });
    expect(older['dc:creator']).toEqual(['Zhengfu He', 'Tianxiang Sun']);
    expect(older.category).toEqual(['Computation and Language', 'cs.CL']);
    expect(older['content:encoded']).toBe('<p>An abstract.</p>\n<p>Authors: Zhengfu He, Tianxiang Sun</p>');
    for (const [item, iso] of [
      [newer, '2024-02-29'],
      [older, '2022-11-28'],
    ]) {
      expect(item.pubDate).toMatch(RFC_822);
      expect(new Date(Date.parse(item.pubDate)).toISOString().slice(0, 10)).toBe(iso);
    }
  });

  it('takes lastBuildDate from the newest paper, so unchanged content rebuilds byte-identical', async () => {
    expect(findLastBuildDate(papers)).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect((await render(papers)).xml).toBe((await render([...papers])).xml);
    expect(formatRfc822(new Date('2022-11-28T00:00:00Z'))).toBe('Mon, 28 Nov 2022 00:00:00 GMT');
  });

  it('writes an empty feed without items or lastBuildDate', async () => {
    const { xml, channel } = await render([]);
    expect(xmllint(xml).status).toBe(0);
    expect(channel.item).toBeUndefined();
    expect(channel.lastBuildDate).toBeUndefined();
    expect(findLastBuildDate([])).toBeUndefined();
  });

  it('stays well-formed when the content holds characters XML forbids', async () => {
    const paper = makePaper('ctl', { title: 'Form\u000cfeed', authors: ['Nul\u0000Name'] }, '<p>a\u0008b</p>');
    const { xml, channel } = await render([paper]);
    expect(xmllint(xml).status).toBe(0);
    expect(channel.item[0].title).toBe('Formfeed');
    expect(channel.item[0]['dc:creator']).toEqual(['NulName']);
  });

  it('round-trips any title and author name through the feed writer and an XML parser', async () => {
    const text = fc
      .string({ unit: fc.constantFrom(...'aZltgx39 &<>"\'é中😀\t;#/=?-'.match(/./gu)!), minLength: 1, maxLength: 30 })
      .map((value) => value.trim())
      .filter((value) => value.length > 0 && /\p{L}/u.test(value));
    await fc.assert(
      fc.asyncProperty(text, text, async (title, author) => {
        const { xml, channel } = await render([makePaper('p', { title, authors: [author] })]);
        expect(xmllint(xml).status).toBe(0);
        expect(channel.item[0].title).toBe(title);
        expect(channel.item[0]['dc:creator']).toEqual([author]);
      }),
      { numRuns: 60 },
    );
  });
});
