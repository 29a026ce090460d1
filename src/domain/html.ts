// The one sanitizer for every HTML sink (paper pages, list cards, feeds, search records): abstracts come from paper
// files anyone may contribute or import, so their HTML is cut down to an allow-list of text markup.

import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

// Characters XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF).
// A PDF copy-paste can leave a form feed in an abstract; one such character makes the whole feed unreadable.
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const HAS_INVALID_XML_CHAR = new RegExp(INVALID_XML_CHARS.source);

/** Removes characters that XML 1.0 does not allow, so any text can go into a feed. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/** Resolves a URL against a base; `undefined` when it cannot be parsed. */
function resolveUrl(url: string, baseUrl: string): string | undefined {
  try {
    return new URL(url, baseUrl).href;
  } catch {
    return undefined;
  }
}

/** Returns a copy of `attribs` with `name` made absolute against `baseUrl` (or removed when it is not a URL). */
function absolutize(attribs: sanitizeHtml.Attributes, name: string, baseUrl: string): sanitizeHtml.Attributes {
  const result: sanitizeHtml.Attributes = {};
  for (const [key, value] of Object.entries(attribs)) {
    const resolved = key === name ? resolveUrl(value.trim(), baseUrl) : value;
    if (resolved !== undefined) result[key] = resolved;
  }
  return result;
}

const ALLOWED_TAGS = [
  ...['p', 'br', 'hr', 'blockquote', 'pre', 'code', 'kbd', 'samp', 'var'],
  ...['em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'q', 'cite', 'abbr'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'span', 'figure', 'figcaption'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
];
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  abbr: ['title'],
  ol: ['start'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
};
const ALLOWED_SCHEMES = ['http', 'https', 'mailto'];
// Dropped with their content: what they hold is code or styling, never abstract text.
const NON_TEXT_TAGS = [
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'title',
  'template',
  'iframe',
  'object',
  'svg',
  'math',
];

/**
 * Sanitizes rendered HTML (an abstract) for every HTML sink: keeps an allow-list of text markup, drops
 * script/style/iframe and every other tag not on it (script and style with their content), all event handlers and
 * any URL that is not http(s) or mailto (javascript:, data:, …), and, given `baseUrl` (the paper's page, for
 * feeds), makes relative `href`/`src` absolute, so links mean in a feed reader what they mean on the page.
 */
export function sanitizeHtmlFragment(html: string, baseUrl?: string): string {
  return sanitizeHtml(stripInvalidXmlChars(html), {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ALLOWED_SCHEMES,
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: NON_TEXT_TAGS,
    // An image whose source was removed (javascript:, data:) is no image: HTML requires `src`.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
    transformTags: baseUrl
      ? {
          a: (tagName, attribs) => ({ tagName, attribs: absolutize(attribs, 'href', baseUrl) }),
          img: (tagName, attribs) => ({ tagName, attribs: absolutize(attribs, 'src', baseUrl) }),
        }
      : {},
  });
}

// The markup citeproc-js's HTML output format writes (its formatting and display attributes, links when a style
// wraps URLs): a formatted citation holding nothing else needs no parsing.
const CITATION_TAG =
  /^<(?:\/?(?:i|em|b|sup|sub)|\/span|\/div|\/a|br\s*\/?|span style="(?:font-style:(?:normal|italic|oblique)|font-variant:(?:small-caps|normal)|font-weight:(?:normal|bold)|text-decoration:(?:none|underline)|baseline|vertical-align:(?:baseline|sup|sub));?"|div class="csl-(?:block|left-margin|right-inline|indent)"|a href="https?:\/\/[^"<>\s]*")>$/;
const CITATION_STYLES: Record<string, RegExp[]> = {
  'font-style': [/^(normal|italic|oblique)$/],
  'font-variant': [/^(small-caps|normal)$/],
  'font-weight': [/^(normal|bold)$/],
  'text-decoration': [/^(none|underline)$/],
  'vertical-align': [/^(baseline|sup|sub)$/],
};

/**
 * Sanitizes a formatted citation (citeproc-js HTML) for the page: the markup citeproc-js writes passes as it is
 * (checked tag by tag, no parse); anything else — which citeproc-js escapes, so only a changed engine or style
 * could bring it — goes through the same sanitizer as abstracts, with citeproc-js's classes and styles allowed.
 */
export function sanitizeCitationHtml(html: string): string {
  const tags = html.match(/<[^>]*>?/g) ?? [];
  if (!HAS_INVALID_XML_CHAR.test(html) && tags.every((tag) => CITATION_TAG.test(tag))) return html;
  return sanitizeHtml(stripInvalidXmlChars(html), {
    allowedTags: ['i', 'em', 'b', 'strong', 'sup', 'sub', 'span', 'div', 'a', 'br'],
    allowedAttributes: { span: ['style'], div: ['class'], a: ['href'] },
    allowedClasses: { div: ['csl-block', 'csl-left-margin', 'csl-right-inline', 'csl-indent'] },
    allowedStyles: { span: CITATION_STYLES },
    allowedSchemes: ['http', 'https'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: NON_TEXT_TAGS,
  });
}

/** Whether a URL attribute value names a scheme the sanitizer keeps (relative URLs have none and are kept). */
function hasAllowedScheme(value: string): boolean {
  // Browsers ignore control characters and white space inside a scheme ("java\tscript:"); so does this check.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ''))?.[1];
  return scheme === undefined || ALLOWED_SCHEMES.includes(scheme.toLowerCase());
}

/**
 * Lists what the sanitizer would remove from some HTML (a tag, an event handler, a javascript: link…), so the
 * content check can warn the editor instead of the markup vanishing unnoticed.
 */
export function findUnsafeMarkup(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!ALLOWED_TAGS.includes(name)) found.push(`<${name}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute) || attribute === 'style') found.push(`${attribute}= on <${name}>`);
          else if (
            ['href', 'src', 'action', 'formaction', 'srcdoc', 'data'].includes(attribute) &&
            !hasAllowedScheme(value)
          ) {
            found.push(`${attribute}="${value.slice(0, 40)}" on <${name}>`);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return [...new Set(found)];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the HTML entities that markdown renderers emit (named basics and numeric references). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[ref.toLowerCase()] ?? match;
  });
}

/** Turns a small HTML fragment (a rendered abstract) into plain text, paragraphs separated by blank lines. */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(/<\/(p|li|h[1-6]|blockquote|pre|div)>/gi, '$&\n\n').replace(/<br\s*\/?>/gi, '\n');
  const stripped = withBreaks.replace(/<[^>]*>/g, '');
  return (
    decodeEntities(stripped)
      .split(/\n{2,}/)
      // Non-breaking spaces stay (see normalizeLine).
      .map((block) => block.replace(/[^\S\u00a0]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n\n')
  );
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The abstract of a paper in its three forms, from its markdown and the HTML the markdown renderer made of it. */
export function toAbstract(markdown: string, renderedHtml: string): { markdown: string; html: string; text: string } {
  const html = sanitizeHtmlFragment(renderedHtml).trim();
  return { markdown, html, text: html ? htmlToText(html) : '' };
}
