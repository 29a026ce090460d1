/** The page id of a paper file: its `slug` front matter if given, else the file name without folders or extension. */
export function paperIdFromFile(entry: string, data: Record<string, unknown>): string {
  if (typeof data.slug === 'string' && data.slug.trim()) return data.slug.trim();
  const name = entry.split('/').pop() ?? entry;
  return name.replace(/\.(md|markdown)$/i, '');
}
