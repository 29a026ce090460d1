/**
 * Turns what citation-js leaves of LaTeX markup (it already converts accents and specials, and emits <i>/<b>/<sub>/<sup>)
 * plus any leftover commands into readable markdown: *italic*, **bold**, <links>, plain text.
 */
export function latexToMarkdown(text: string): string {
  return (
    decodeAccents(text)
      .replace(/\\href\{([^}]*)\}\{([^}]*)\}/g, '[$2]($1)')
      .replace(/\\url\{([^}]*)\}/g, '<$1>')
      .replace(/\\(?:emph|textit|textsl)\{([^}]*)\}/g, '*$1*')
      .replace(/\\textbf\{([^}]*)\}/g, '**$1**')
      .replace(/<\/?(?:i|em)>/g, '*')
      .replace(/<\/?(?:b|strong)>/g, '**')
      .replace(/<sub>([^<]*)<\/sub>/g, '_$1')
      .replace(/<sup>([^<]*)<\/sup>/g, '^$1')
      .replace(/<span[^>]*>([^<]*)<\/span>/g, '$1')
      .replace(/\$([^$]+)\$/g, '*$1*')
      .replace(/\\([%&$#_{}])/g, '$1')
      .replace(/(^|[^\\])~/g, '$1 ')
      .replace(/\\[a-zA-Z]+\{([^}]*)\}/g, '$1')
      .replace(/[{}]/g, '')
      .replace(/(^|\s)(https?:\/\/[^\s<>]+[^\s<>.,;:)])/g, '$1<$2>')
      // Imported text is data, not markup: any other "<" is shown as a character, never rendered as HTML.
      .replace(/<(?!https?:\/\/[^\s<>]+>)/g, '&lt;')
      .replace(/[ \t\u00a0]+/g, ' ')
      .trim()
      .normalize('NFC')
  );
}

const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
};

/** LaTeX accent commands (\\'e, {\\"u}, \\'{\\i}, \\c{c}, \\v s) to composed Unicode letters. */
function decodeAccents(text: string): string {
  const accent = (mark: string, letter: string) => `${letter}${ACCENTS[mark]}`;
  return text
    .replace(/\\i\b\s*/g, 'ı')
    .replace(/\\(['`^"~=.])\s*(?:\{\s*([a-zA-Zı])\s*\}|([a-zA-Zı]))/g, (_, mark, braced, bare) =>
      accent(mark, braced ?? bare),
    )
    .replace(/\\([uvHc])(?:\{\s*([a-zA-Zı])\s*\}|\s+([a-zA-Zı]))/g, (_, mark, braced, bare) =>
      accent(mark, braced ?? bare),
    )
    .replace(/ı(?=[\u0300-\u036f])/g, 'i')
    .normalize('NFC');
}

/** Plain text for a front-matter value (titles, names): markdown emphasis markers removed. */
export function latexToPlainText(text: string): string {
  return latexToMarkdown(text)
    .replace(/\*\*?([^*]+)\*\*?/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/&lt;/g, '<');
}
