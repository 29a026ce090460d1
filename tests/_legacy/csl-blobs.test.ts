import { describe, expect, it } from 'vitest';
import {
  adjustPunctuation,
  applyTextCase,
  escapeText,
  makeBlob,
  makeText,
  renderBlob,
  type Blob,
  type Decoration,
} from '../src/lib/csl-blobs';

// Expected values are citeproc-js's (checked against it; tests/csl-format.test.ts compares whole entries).

const ITALIC: Decoration = ['@font-style', 'italic'];

/** Merges punctuation in a tree and renders it. */
function render(blob: Blob): string {
  adjustPunctuation(blob);
  return renderBlob(blob);
}

describe('escapeText', () => {
  it('uses numeric entities and renders superscript characters as <sup>', () => {
    expect(escapeText('Q&A <b> x² ™ ˀ')).toBe('Q&#38;A &#60;b&#62; x<sup>2</sup> <sup>TM</sup> <sup>ʔ</sup>');
  });
});

describe('applyTextCase', () => {
  it.each([
    ['proceedings of the acl', 'Proceedings of the Acl'],
    ['the state-of-the-art in nlp', 'The State-of-the-Art in Nlp'],
    ['what is it for', 'What Is It For'],
    ['vs. the world', 'Vs. the World'],
    ['iPhone and ipad', 'iPhone and Ipad'],
    ['"quoted" title', '"quoted" Title'],
  ])('title-cases %j as %j', (input, output) => {
    expect(applyTextCase(input, 'title')).toBe(output);
  });

  it('capitalizes only an all-lowercase first word', () => {
    expect(applyTextCase('th/9901001', 'capitalize-first')).toBe('Th/9901001');
    expect(applyTextCase('arXiv:hep', 'capitalize-first')).toBe('arXiv:hep');
    expect(applyTextCase('abc def', 'capitalize-first')).toBe('Abc def');
  });
});

describe('makeText', () => {
  it('reads inline markup, flipping italics inside italic text', () => {
    const title = makeBlob([makeText('A <i>b</i> c', { inherited: [ITALIC] })], { decorations: [ITALIC] });
    expect(render(makeBlob([title]))).toBe('<i>A <span style="font-style:normal;">b</span> c</i>');
  });

  it('turns straight quotes and apostrophes typographic', () => {
    expect(render(makeBlob([makeText("Say \"hi\" and it's 'fine'")]))).toBe('Say “hi” and it’s ‘fine’');
  });

  it('leaves unbalanced markup as text', () => {
    expect(render(makeBlob([makeText('Unclosed <i>tag and "quote')]))).toBe('Unclosed &#60;i&#62;tag and "quote');
  });

  it('moves leading punctuation into the prefix', () => {
    const blob = makeText('?! Why');
    expect([blob.prefix, blob.blobs]).toEqual(['?! ', 'Why']);
  });
});

describe('adjustPunctuation', () => {
  it('does not add a period after a question mark', () => {
    expect(render(makeBlob([makeText('What?'), makeText('Next')], { delimiter: '. ', suffix: '.' }))).toBe(
      'What? Next.',
    );
  });

  it('does not double a period', () => {
    expect(render(makeBlob([makeText('Title.')], { suffix: '.' }))).toBe('Title.');
  });

  it('moves a comma inside closing quotes', () => {
    expect(render(makeBlob([makeText('Say "hi"'), makeText('next')], { delimiter: ', ' }))).toBe('Say “hi,” next');
  });
});
