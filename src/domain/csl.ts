// The CSL-JSON vocabulary (CSL 1.0.2): the hub every bibliographic tool speaks. A paper's bibliographic record is a
// complete CSL item; the other formats are views of it.

/** A CSL name: a person with its parts, or a literal name (an organisation, a one-word name). */
export type CslName =
  | {
      family: string;
      given?: string;
      'non-dropping-particle'?: string;
      'dropping-particle'?: string;
      suffix?: string;
    }
  | { literal: string };

/** A CSL date: one or two (a range) [year, month?, day?] parts; `circa` for approximate dates. */
export interface CslDate {
  'date-parts': [number, number?, number?][];
  circa?: boolean;
}

/** A CSL-JSON item: `id`, `type` and any CSL variable. */
export interface CslItem {
  id: string;
  type: string;
  [variable: string]: unknown;
}

/** CSL 1.0.2 name variables, in the order Bibshelf lists them. */
export const CSL_NAME_VARIABLES = [
  'author',
  'editor',
  'translator',
  'collection-editor',
  'container-author',
  'editorial-director',
  'editor-translator',
  'original-author',
  'reviewed-author',
  'recipient',
  'interviewer',
  'director',
  'illustrator',
  'composer',
  'compiler',
  'chair',
  'contributor',
  'curator',
  'executive-producer',
  'guest',
  'host',
  'narrator',
  'organizer',
  'performer',
  'producer',
  'script-writer',
  'series-creator',
] as const;

/** A CSL name variable. */
export type CslNameVariable = (typeof CSL_NAME_VARIABLES)[number];

/** CSL 1.0.2 date variables. */
export const CSL_DATE_VARIABLES = [
  'issued',
  'original-date',
  'event-date',
  'submitted',
  'available-date',
  'accessed',
] as const;

/** A CSL date variable. */
export type CslDateVariable = (typeof CSL_DATE_VARIABLES)[number];
