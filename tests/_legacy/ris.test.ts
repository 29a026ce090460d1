import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRis } from '../src/lib/ris';
import { makePaper } from './helpers/papers';

const pageUrl = 'https://example.org/papers/x/';
const longAbstract = 'word '.repeat(120).trim();

describe('formatRis', () => {
  const paper = makePaper(
    'x',
    {
      title: 'Ünïcode 中文 & <Title>',
      authors: ['Zhengfu He', 'Nex-AGI Team'],
      authorsTruncated: true,
      date: '2022-11-28',
      arxiv: '2211.15029',
    },
    longAbstract,
  );
  const record = formatRis(paper, 'he2022unicode', { pageUrl });

  it('writes one tag per line with CRLF, never wrapping long values', () => {
    const lines = record.split('\r\n');
    expect(lines[0]).toBe('TY  - UNPB');
    expect(lines.at(-2)).toBe('ER  - ');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines.find((line) => line.startsWith('AB  - '))).toBe(`AB  - ${longAbstract}`);
    expect(lines).toContain('DA  - 2022/11/28/');
  });

  it('parses back with a real RIS parser', () => {
    const [item] = new Cite(record).data as Record<string, unknown>[];
    expect(item.title).toBe('Ünïcode 中文 & <Title>');
    expect(item.author).toEqual([{ family: 'He', given: 'Zhengfu' }, { literal: 'Nex-AGI Team' }]);
    expect(item.abstract).toBe(longAbstract);
    expect((item.issued as { 'date-parts': number[][] })['date-parts'][0]).toEqual([2022, 11, 28]);
  });

  it('keeps any title and names through a parse', () => {
    const chars = fc.constantFrom(...'abc XYZ %&$#_{}\\~^-:;,.()\'"中文Ёжαéüø'.split(''));
    const text = fc
      .array(chars, { minLength: 1, maxLength: 30 })
      .map((c) => c.join('').replace(/\s+/g, ' ').trim())
      .filter((t) => /\p{L}/u.test(t));
    fc.assert(
      fc.property(text, (title) => {
        const [item] = new Cite(formatRis(makePaper('p', { title }), 'k', { pageUrl })).data as Record<
          string,
          unknown
        >[];
        expect(item.title).toBe(title);
      }),
      { numRuns: 150 },
    );
  });
});
