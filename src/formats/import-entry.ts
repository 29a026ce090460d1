// What every reader of a reference format (BibTeX, RIS, CSL-JSON) gives the importer: each entry as the front matter
// a hand-written paper file would hold, so the importer validates it with the same schema as the build.

/** One entry read from an input file. */
export interface ImportedEntry {
  /** The line of the input file where the entry starts (1-based). */
  line: number;
  /** The entry's own key or id in the input, if it has one. */
  key?: string;
  /**
   * The entry has a citation key of its own that cannot be kept (a character no key may hold): the importer writes
   * down the key the site makes for it instead, so the paper keeps one key from then on.
   */
  keyRefused?: true;
  /**
   * Front matter by front-matter key (see domain/fields), as a person would write it: names as
   * {family, given, particle, droppingParticle, suffix} or {literal}, dates as ISO text (2024, 2024-05, 2024-05-22,
   * ranges with "/"), `citationKey` set to the input's key, unknown BibTeX fields in `extra`.
   */
  frontMatter: Record<string, unknown>;
  /** The abstract as markdown ('' when the entry has none). */
  abstract: string;
  /** What the reader did that the user should hear about: fields kept verbatim in `extra`, values normalised, characters removed. */
  notes: string[];
}

/** An entry the reader could not read at all (the others go on). */
export interface EntryProblem {
  line: number;
  key?: string;
  message: string;
}

/** What a reader makes of one input file. */
export interface ReadResult {
  entries: ImportedEntry[];
  problems: EntryProblem[];
}

/** The whole input file cannot be read (not UTF-8, not JSON, no entries): nothing is imported from it. */
export class ImportFileError extends Error {}
