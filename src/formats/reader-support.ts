// What the readers of plain-text formats (RIS, CSL-JSON) share: turning outside text into characters a paper may
// hold, plain text into markdown that shows the same text, and a last check of the front matter with the real schema
// so that no reader ever hands the importer a value the build would reject.

import { createPaperSchema } from '../domain/schema';
import type { Taxonomy } from '../domain/taxonomy';
import { findForbiddenCharacter, stripForbiddenCharacters } from '../domain/text';

/**
 * A taxonomy that takes every category: the readers check values, not the site's categories (the importer checks
 * `category` against the site's own taxonomy).
 */
const ANY_CATEGORY: Taxonomy = {
  resolve: (value) => {
    const code = value.trim();
    return code ? { code, name: code, badge: code, slug: code, arxiv: false } : undefined;
  },
  describe: () => 'any category',
};

let schema: ReturnType<typeof createPaperSchema> | undefined;

/**
 * Removes the characters no paper may hold (control characters, NEL, LS/PS, non-characters, lone surrogates) from a
 * value read from outside, saying so in `notes`; `where` names the value ("TI", "title").
 */
export function cleanText(text: string, where: string, notes: string[]): string {
  const forbidden = findForbiddenCharacter(text);
  if (!forbidden) return text.normalize('NFC');
  notes.push(`${where}: removed the control or non-character ${forbidden} (and any others like it)`);
  return stripForbiddenCharacters(text).normalize('NFC');
}

// Markdown syntax that plain text may hold by accident, escaped so the page shows the text exactly as read: inline
// markup, HTML and entities, and what the site's smart typography would change (straight quotes, `--`, `...`), since
// an imported abstract is the author's text, not the site's.
const INLINE_SPECIALS =
  /[\\`*[~'"]|<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|-(?=-)|(?<=-)-|\.(?=\.\.)|(?<=\.)\.(?=\.)|(?<=\.\.)\./gu;
// A leading `#`, `>`, `-` or `+` may open a heading, quote, list or rule ("---"); `1.` or `1)` a numbered list.
const BLOCK_START = /^(?:[#>+]|-(?!\\)|\d{1,9}[.)](?=\s|$))/;

/** Escapes one paragraph of plain text so markdown renders it as the same text. */
function escapeParagraph(paragraph: string): string {
  // A backslash only escapes ASCII punctuation, so every one is doubled: "\alpha" shows as written.
  const escaped = paragraph.replace(INLINE_SPECIALS, (char) => `\\${char}`);
  return escaped.replace(BLOCK_START, (marker) =>
    /^\d/.test(marker) ? `${marker.slice(0, -1)}\\${marker.slice(-1)}` : `\\${marker}`,
  );
}

/**
 * Plain text (an abstract or note from RIS or CSL-JSON) as markdown that renders to the same text: markdown syntax
 * and smart-typography triggers are escaped (see above), LaTeX is left alone (`$x$`, `~` and backslashes show as
 * written). Blank lines separate paragraphs; with `lineBreaks: 'paragraph'` (Zotero's convention) a single line break
 * does too, otherwise it is a space (a wrapped line).
 */
export function plainTextToMarkdown(text: string, lineBreaks: 'paragraph' | 'space' = 'space'): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  const paragraphs = lineBreaks === 'paragraph' ? normalized.split(/\n+/) : normalized.split(/\n[ \t]*\n/);
  return (
    paragraphs
      // Only ASCII white space is folded: a no-break space is text.
      .map((paragraph) => paragraph.replace(/[ \t\n\f\v]+/g, ' ').trim())
      .filter(Boolean)
      .map(escapeParagraph)
      .join('\n\n')
  );
}

/** What `settleFrontMatter` hands back for a value the schema rejects. */
export interface RejectedValue {
  /** Front-matter key (`extra.<name>` for one verbatim field). */
  key: string;
  value: unknown;
  message: string;
}

/**
 * Checks front matter with the real schema and takes out every value it rejects (in place), handing each to
 * `reject` (which keeps it somewhere valid, such as `extra`, and says so). Returns the problems no single value
 * explains (no title and no names): the entry cannot be imported as it is.
 */
export function settleFrontMatter(
  frontMatter: Record<string, unknown>,
  reject: (rejected: RejectedValue) => void,
): string[] {
  schema ??= createPaperSchema({ taxonomy: ANY_CATEGORY });
  // Each round removes at least one value; a stash that the schema rejects in turn is removed the next round.
  for (let round = 0; round < 8; round++) {
    const result = schema.safeParse(frontMatter);
    if (result.success) return [];
    const unexplained: string[] = [];
    let removed = false;
    for (const issue of result.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
      for (const key of keys) {
        const extraName = key === 'extra' && issue.path.length > 1 ? String(issue.path[1]) : undefined;
        const extra = frontMatter.extra as Record<string, unknown> | undefined;
        if (extraName !== undefined && extra && extraName in extra) {
          const value = extra[extraName];
          delete extra[extraName];
          if (Object.keys(extra).length === 0) delete frontMatter.extra;
          reject({ key: `extra.${extraName}`, value, message: issue.message });
          removed = true;
        } else if (key && key in frontMatter) {
          const value = frontMatter[key];
          delete frontMatter[key];
          reject({ key, value, message: issue.message });
          removed = true;
        } else unexplained.push(`${key || 'entry'}: ${issue.message}`);
      }
    }
    if (!removed) return unexplained;
  }
  return ['the entry could not be made valid'];
}
