/** A person's name split the way citation formats need it, or a literal name for organizations. */
export type PersonName = { family: string; given?: string } | { literal: string };

const ORGANIZATION_WORDS =
  /\b(team|group|consortium|collaboration|lab|laboratory|project|initiative|institute|university|society|association|committee|foundation|inc|ltd)\b/i;

/**
 * Splits a display name ("Zhengfu He", "Ludwig van Beethoven", "Curie, Marie") into family and given parts.
 * Organizations ("Nex-AGI Team") and one-word names stay literal so no format reorders them.
 */
export function splitName(name: string): PersonName {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.includes(',')) {
    const [family, ...rest] = trimmed.split(',');
    const given = rest.join(',').trim();
    return given ? { family: family.trim(), given } : { literal: family.trim() };
  }
  const words = trimmed.split(' ');
  if (words.length === 1 || ORGANIZATION_WORDS.test(trimmed)) return { literal: trimmed };
  // Lowercase particles just before the last word belong to the family name (van, de, von der…).
  let start = words.length - 1;
  while (start > 1 && /^\p{Ll}/u.test(words[start - 1])) start--;
  return { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
}

/** Folds a string to plain ASCII letters and digits (diacritics removed, other scripts dropped), lowercased. */
export function foldToAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
