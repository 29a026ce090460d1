// People: one file per person (src/content/people/), with the other spellings of their name in author lists. A
// person's aliases merge their author pages into one; a lab site's members are emphasised in every author list.

import { z } from 'astro/zod';
import { formatDisplayName, NameSyntaxError, parseName } from './names';
import { findForbiddenCharacter, normalizeLine } from './text';

const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** A name as author lists show it, the key people and authors are matched by ("He, Z." and "Z. He" are one). */
export function toPersonKey(text: string): string {
  return formatDisplayName(parseName(text)).normalize('NFC');
}

/** One line of visible text, without control characters. */
const line = z
  .string()
  .transform((value) => normalizeLine(value))
  .superRefine((value, ctx) => {
    if (value === '') ctx.addIssue({ code: 'custom', message: 'is empty' });
    const forbidden = findForbiddenCharacter(value);
    if (forbidden) ctx.addIssue({ code: 'custom', message: `contains the control character ${forbidden}` });
  });

/** A name of a person as author lists write it ("Given Family" or "Family, Given"). */
const personName = line.superRefine((value, ctx) => {
  try {
    toPersonKey(value);
  } catch (error) {
    if (!(error instanceof NameSyntaxError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
  }
});

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/**
 * The front matter of a person file. `photo` is a path (beside the file or in the assets folder); the build passes
 * Astro's `image()` so the photo goes through its image pipeline, tests and tools parse it as text.
 */
export function createPersonSchema<Photo extends z.ZodType = typeof line>(photo?: Photo) {
  return z.strictObject({
    name: personName.describe('The name as author lists write it; the title of their author page.'),
    aliases: z
      .array(personName)
      .default([])
      .describe('Other spellings in author lists ("Z. He", "He, Zhengfu"): they share the one author page.'),
    orcid: z
      .string()
      .trim()
      .transform((value) => value.replace(/^https?:\/\/orcid\.org\//i, ''))
      .pipe(z.string().regex(ORCID, { error: 'must be an ORCID iD such as 0000-0002-1825-0097' }))
      .optional(),
    homepage: httpUrl.optional(),
    affiliation: line.optional(),
    photo: (photo ?? line).optional(),
    member: z.boolean().default(false).describe('A member of the lab: emphasised in author lists, on /people/.'),
    bio: line.optional().describe('One or two sentences (the markdown body of a .md file is used instead).'),
  });
}

/** The person schema with the photo as a path (what tools and tests parse). */
export const personSchema = createPersonSchema();

/** A validated person. */
export type Person = z.output<typeof personSchema>;

/** A person with the file they come from. */
export interface PersonEntry {
  /** The file name without extension (URL-safe id). */
  id: string;
  /** The file, relative to the project (for messages). */
  file: string;
  person: Person;
}

/** One spelling claimed by a second person: the file and field that claims it again. */
export interface PeopleConflict {
  file: string;
  field: string;
  message: string;
}

/** Two people claiming one name: the build stops naming both files. */
export class PeopleConflictError extends Error {
  constructor(readonly conflicts: PeopleConflict[]) {
    super(`Two people share a name\n${conflicts.map((c) => `  ${c.file}: ${c.field}: ${c.message}`).join('\n')}`);
  }
}

/** The people of a site, by every spelling of their names. */
export interface PeopleIndex {
  people: readonly PersonEntry[];
  /** The author key a name belongs to: the person's own name for any of their spellings, else the name itself. */
  resolve(key: string): string;
  /** The person an author key (any spelling) belongs to. */
  find(key: string): PersonEntry | undefined;
  /** The lab's members, in the order their files sort. */
  members: readonly PersonEntry[];
}

/**
 * Indexes people by their name and aliases (matched as author lists display names, NFC). Throws naming both files
 * when two people claim the same spelling.
 */
export function createPeopleIndex(entries: readonly PersonEntry[]): PeopleIndex {
  const byKey = new Map<string, { entry: PersonEntry; name: string }>();
  const conflicts: PeopleConflict[] = [];
  for (const entry of entries) {
    const name = toPersonKey(entry.person.name);
    for (const [index, spelling] of [entry.person.name, ...entry.person.aliases].entries()) {
      const key = toPersonKey(spelling);
      const owner = byKey.get(key);
      if (owner && owner.entry !== entry) {
        const field = index === 0 ? 'name' : `aliases[${index - 1}]`;
        conflicts.push({ file: entry.file, field, message: `"${spelling}" is also a name of ${owner.entry.file}` });
        continue;
      }
      byKey.set(key, { entry, name });
    }
  }
  if (conflicts.length > 0) throw new PeopleConflictError(conflicts);
  return {
    people: entries,
    resolve: (key) => byKey.get(key)?.name ?? key,
    find: (key) => byKey.get(key)?.entry,
    members: entries.filter((entry) => entry.person.member),
  };
}
