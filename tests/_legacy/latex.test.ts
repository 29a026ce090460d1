import { describe, expect, it } from 'vitest';
import { latexToMarkdown, latexToPlainText } from '../src/lib/latex';

describe('latexToMarkdown', () => {
  it('converts what citation-js leaves and leftover commands', () => {
    expect(latexToMarkdown('We use <i>x</i> and <b>y</b> at https://b.org – ok')).toBe(
      'We use *x* and **y** at <https://b.org> – ok',
    );
    expect(latexToMarkdown('\\emph{feature splitting} at~\\url{https://a.org} 60\\% top-$K$')).toBe(
      '*feature splitting* at <https://a.org> 60% top-*K*',
    );
    expect(latexToMarkdown('\\href{https://x.org}{the code} and {BERT}')).toBe('[the code](https://x.org) and BERT');
  });
});

describe('markup in imported text', () => {
  it('is shown, never rendered: only autolinks keep their angle brackets', () => {
    expect(latexToMarkdown('x < y and <script>alert(1)</script> see https://a.org')).toBe(
      'x &lt; y and &lt;script>alert(1)&lt;/script> see <https://a.org>',
    );
  });
});

describe('accents', () => {
  it('decodes LaTeX accent commands', () => {
    expect(latexToPlainText("M{\\\"u}ller Garc{\\'\\i}a Caf\\'e \\c{c}a \\v s \\url{https://x.org}")).toBe(
      'Müller García Café ça š https://x.org',
    );
  });
});

describe('latexToPlainText', () => {
  it('drops markup for titles', () => {
    expect(latexToPlainText('Café <i>and</i> {BERT} 60\\%')).toBe('Café and BERT 60%');
    expect(latexToPlainText('Bounds for x < y')).toBe('Bounds for x < y');
  });
});
