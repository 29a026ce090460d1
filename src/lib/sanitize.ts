import sanitizeHtml from 'sanitize-html';

// Characters XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF).
// A PDF copy-paste can leave a form feed in an abstract; one such character makes the whole feed unreadable.
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

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

/**
 * Sanitizes a rendered abstract for every HTML sink (paper pages, list cards, feeds): keeps an allow-list of text markup, drops script/style/iframe and
 * every other tag not on it (script and style with their content), all event handlers and any URL that is not
 * http(s) or mailto (javascript:, data:, …), and, given `baseUrl` (the paper's page, for feeds), makes relative `href`/`src`
 * absolute, so links mean in a feed reader what they mean on the page.
 */
export function sanitizeAbstractHtml(html: string, baseUrl?: string): string {
  return sanitizeHtml(stripInvalidXmlChars(html), {
    allowedTags: [
      ...['p', 'br', 'hr', 'blockquote', 'pre', 'code', 'kbd', 'samp', 'var'],
      ...['em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'q', 'cite', 'abbr'],
      ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'span', 'figure', 'figcaption'],
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
    ],
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      abbr: ['title'],
      ol: ['start'],
      th: ['colspan', 'rowspan', 'scope'],
      td: ['colspan', 'rowspan'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: [
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
    ],
    transformTags: baseUrl
      ? {
          a: (tagName, attribs) => ({ tagName, attribs: absolutize(attribs, 'href', baseUrl) }),
          img: (tagName, attribs) => ({ tagName, attribs: absolutize(attribs, 'src', baseUrl) }),
        }
      : {},
  });
}
