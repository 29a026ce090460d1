// The one sanitizer on hostile markup: abstracts (pages, cards, feeds, search records) and formatted citations.
import { describe, expect, it } from 'vitest';
import { findUnsafeMarkup, sanitizeCitationHtml, sanitizeHtmlFragment } from '../../src/domain/html';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)" alt="pic">',
  '<a href="java&#x09;script:alert(1)">tab</a>',
  '<a href=" JaVaScRiPt:alert(1)">case</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">x</button></form>',
  '<svg onload=alert(1)><script>alert(2)</script></svg>',
  '<math><mtext><img src=x onerror=alert(1)></mtext></math>',
  '<span style="background:url(javascript:alert(1))">s</span>',
  '<div style="position:fixed;inset:0" onclick="alert(1)">overlay</div>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
];

/** Whether HTML still holds anything that runs script or leaves the page. */
const unsafe = (html: string) =>
  /<(script|iframe|object|embed|form|svg|math|base|meta|style)\b|\son\w+=|javascript:|vbscript:|data:|srcdoc|style=/i.test(
    html,
  );

describe('sanitizeHtmlFragment (abstracts)', () => {
  for (const payload of HOSTILE) {
    it(`disarms ${payload.slice(0, 50)}`, () => {
      const clean = sanitizeHtmlFragment(`<p>before ${payload} after</p>`);
      expect(unsafe(clean), clean).toBe(false);
      expect(clean).toMatch(/before[\s\S]*after/);
      expect(findUnsafeMarkup(payload).length, payload).toBeGreaterThan(0);
    });
  }

  it('drops an image whose source was removed (HTML requires src), keeps safe images and links', () => {
    expect(sanitizeHtmlFragment('<p><img src="javascript:alert(1)" alt="x"></p>')).toBe('<p></p>');
    expect(sanitizeHtmlFragment('<p><img src="fig.png" alt="x"> <a href="https://a.org/">a</a></p>')).toBe(
      '<p><img src="fig.png" alt="x" /> <a href="https://a.org/">a</a></p>',
    );
  });
});

describe('sanitizeCitationHtml (citeproc-js output)', () => {
  it('passes citeproc-js markup unchanged', () => {
    const html =
      'He, Z. (2022). <i>Title</i>. <span style="font-variant:small-caps;">arXiv</span> <b>12</b><sup>2</sup> &#38; ' +
      '<a href="https://doi.org/10.1/x">https://doi.org/10.1/x</a><div class="csl-block">x</div>';
    expect(sanitizeCitationHtml(html)).toBe(html);
  });

  for (const payload of HOSTILE) {
    it(`disarms ${payload.slice(0, 50)} should an engine or style ever emit it`, () => {
      const clean = sanitizeCitationHtml(`<i>ok</i> ${payload} <span style="font-variant:small-caps;">sc</span>`);
      expect(unsafe(clean.replace(/ style="font-variant:small-caps;?"/g, '')), clean).toBe(false);
      expect(clean).toContain('<i>ok</i>');
    });
  }
});
