/** Reads the raw text of one top-level key from a markdown file's YAML front matter (quotes removed), if present. */
export function readRawFrontmatterValue(source: string, key: string): string | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source.replace(/^\uFEFF/, ''));
  if (!match) return undefined;
  const line = match[1].split(/\r?\n/).find((candidate) => candidate.startsWith(`${key}:`));
  if (line === undefined) return undefined;
  const value = line
    .slice(key.length + 1)
    .replace(/\s+#.*$/, '')
    .trim();
  return value.replace(/^(['"])(.*)\1$/, '$2');
}

/**
 * Checks that a date written as YYYY-MM-DD names a real day. YAML parsers silently roll impossible dates
 * over (2024-13-45 becomes 2025-02-14), so the raw text is checked before the parsed value is trusted.
 * Returns an error message, or undefined when the text is fine or is not in that form.
 */
export function checkCalendarDateText(text: string): string | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1, 4).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? undefined : `"${text}" is not a real calendar date (write YYYY-MM-DD, e.g. 2024-05-22)`;
}

/** Records which file claimed which id; returns a message when a second file claims an id already taken. */
export function createIdRegistry(): { claim(id: string, file: string): string | undefined; reset(): void } {
  const owners = new Map<string, string>();
  return {
    claim(id, file) {
      const owner = owners.get(id);
      if (owner !== undefined && owner !== file) {
        return `duplicate paper id "${id}", already used by ${owner} (both would be /papers/${id}/); rename one file or give it another \`slug\``;
      }
      owners.set(id, file);
      return undefined;
    },
    reset() {
      owners.clear();
    },
  };
}
