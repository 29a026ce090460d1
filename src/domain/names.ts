import type { CslName } from './csl';

/** Per-author marks a paper may carry (site extras): equal contribution, corresponding author. */
export interface NameMarks {
  equal?: boolean;
  corresponding?: boolean;
}

/** A name as the model holds it: a CSL name plus the site's marks. */
export type Name = CslName & NameMarks;

/** A person's name (not a literal one). */
export type PersonName = Extract<CslName, { family: string }>;

// Suffixes recognised at the end of a "Given Family Suffix" string; anything else needs the comma form.
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv|v|vi|2nd|3rd|phd|ph\.d\.)$/i;
const PARTICLE = /^\p{Ll}/u;

/** Splits a BibTeX-style "von Last" part: leading lowercase words are the particle, the rest the family name. */
function splitVonLast(words: string[]): { particle?: string; family: string } {
  let start = 0;
  // The last word always belongs to the family name, even when it is lowercase ("bell hooks" keeps "hooks").
  while (start < words.length - 1 && PARTICLE.test(words[start])) start++;
  return start > 0
    ? { particle: words.slice(0, start).join(' '), family: words.slice(start).join(' ') }
    : { family: words.join(' ') };
}

/** Builds a person name, leaving out empty parts. */
function person(parts: { family: string; given?: string; particle?: string; suffix?: string }): PersonName {
  const name: PersonName = { family: parts.family };
  if (parts.given) name.given = parts.given;
  if (parts.particle) name['non-dropping-particle'] = parts.particle;
  if (parts.suffix) name.suffix = parts.suffix;
  return name;
}

/** Thrown for a name string that cannot be read as one name. */
export class NameSyntaxError extends Error {}

/**
 * Reads a name written as text, with BibTeX's rules: "Family, Given", "von Family, Jr., Given", or "Given von
 * Family" (lowercase words before the family name are its particle: "Ludwig van Beethoven"). A single word is a
 * family name; "Martin Luther King Jr." keeps its suffix. Organisations need the structured form {literal: …}.
 */
export function parseName(text: string): PersonName {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed.includes(',')) {
    const parts = trimmed.split(',').map((part) => part.trim());
    if (parts.length > 3) {
      throw new NameSyntaxError(
        `"${trimmed}" has ${parts.length - 1} commas; write "Family, Given" or "Family, Jr., Given", or use {family, given, suffix}`,
      );
    }
    const last = splitVonLast(parts[0].split(' ').filter(Boolean));
    if (!last.family) throw new NameSyntaxError(`"${trimmed}" has no family name before its comma`);
    return parts.length === 3
      ? person({ ...last, suffix: parts[1], given: parts[2] })
      : person({ ...last, given: parts[1] });
  }
  const words = trimmed.split(' ').filter(Boolean);
  let suffix: string | undefined;
  if (words.length >= 3 && SUFFIX.test(words.at(-1)!)) suffix = words.pop();
  if (words.length === 1) return person({ family: words[0], suffix });
  // No given name when the string starts with the particle ("van Gennep").
  if (PARTICLE.test(words[0])) return person({ ...splitVonLast(words), suffix });
  // The given names run up to the first lowercase word (the particle) or the last word.
  let end = words.findIndex((word, index) => index > 0 && index < words.length - 1 && PARTICLE.test(word));
  if (end === -1) end = words.length - 1;
  return person({ given: words.slice(0, end).join(' '), ...splitVonLast(words.slice(end)), suffix });
}

/** The name as readers see it: "Ludwig van Beethoven", "Martin Luther King Jr.", "World Health Organization". */
export function formatDisplayName(name: CslName): string {
  if ('literal' in name) return name.literal;
  return [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix]
    .filter(Boolean)
    .join(' ');
}

/** The name inverted for sorting and for formats that want "Family, Given": "van Beethoven, Ludwig". */
export function formatInvertedName(name: CslName): string {
  if ('literal' in name) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  return [family, name.suffix, given].filter(Boolean).join(', ');
}

/** The family name without particles, for citation keys ("Beethoven"); the literal name's first word otherwise. */
export function getKeyName(name: CslName): string {
  return 'literal' in name ? (name.literal.split(/\s+/)[0] ?? '') : name.family;
}

/** Strips the site's marks, leaving the CSL name. */
export function toCslName(name: Name): CslName {
  if ('literal' in name) return { literal: name.literal };
  const result: PersonName = { family: name.family };
  for (const part of ['given', 'non-dropping-particle', 'dropping-particle', 'suffix'] as const) {
    if (name[part]) result[part] = name[part];
  }
  return result;
}
