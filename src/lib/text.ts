const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the HTML entities that markdown renderers emit (named basics and numeric references). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[ref.toLowerCase()] ?? match;
  });
}

/** Turns a small HTML fragment (a rendered abstract) into plain text with collapsed white space. */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(/<\/(p|li|h[1-6]|blockquote|pre|div)>/gi, '$&\n').replace(/<br\s*\/?>/gi, '\n');
  const stripped = withBreaks.replace(/<[^>]*>/g, '');
  return decodeEntities(stripped)
    .split(/\n{2,}/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Shortens text to at most `max` characters at a word boundary, adding an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

// One collator for the whole build: `localeCompare` with a locale builds a new one on every call.
const COLLATOR = new Intl.Collator('en');

/** Compares two strings in English alphabetical order. */
export function compareText(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}
