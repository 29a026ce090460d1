import type { CslDate } from './csl';

/** One end of a date: a year, a month of a year, or a day, at exactly the precision it was given. */
export type DateParts = [number, number?, number?];

/** Thrown for a date that is not written as Bibshelf reads dates, or names no real day. */
export class DateSyntaxError extends Error {}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EXAMPLES =
  'write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-05 or 2024-05-22), or a range such as 2024-05-20/2024-05-24';

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Reads one end of a date ("2024", "2024-05", "2024-05-22") and checks it names a real month and day. */
function parseEnd(text: string, whole: string): DateParts {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) throw new DateSyntaxError(`"${whole}" is not a date; ${EXAMPLES}`);
  const [year, month, day] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  if (year! < 1) throw new DateSyntaxError(`"${whole}": year 0000 is not a calendar year`);
  if (month !== undefined && (month < 1 || month > 12)) {
    throw new DateSyntaxError(`"${whole}" has no month ${match[2]} (months are 01 to 12)`);
  }
  if (day !== undefined && (day < 1 || day > daysInMonth(year!, month!))) {
    throw new DateSyntaxError(
      `"${whole}" is not a real calendar date (${MONTH_NAMES[month! - 1]} ${year} has ${daysInMonth(year!, month!)} days)`,
    );
  }
  return [year!, month, day].filter((part) => part !== undefined) as DateParts;
}

/** Compares two date ends at their common precision, then the more precise one later. */
function compareParts(a: DateParts, b: DateParts): number {
  for (let index = 0; index < 3; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Reads a date as front matter writes it: a year (2024, also as a YAML number), a month (2024-05), a day
 * (2024-05-22), any of these with a trailing `~` for "circa", or a range of two such ends joined by `/`. The date
 * keeps exactly that precision; nothing is filled in.
 */
export function parseDate(value: string | number): CslDate {
  const whole = String(value).trim();
  const circa = whole.endsWith('~');
  const text = circa ? whole.slice(0, -1) : whole;
  const ends = text.split('/');
  if (ends.length > 2) throw new DateSyntaxError(`"${whole}" has more than one "/"; ${EXAMPLES}`);
  const parts = ends.map((end) => parseEnd(end.trim(), whole));
  if (parts.length === 2 && compareParts(parts[0], parts[1]) > 0) {
    throw new DateSyntaxError(`"${whole}": the range ends before it starts`);
  }
  return circa ? { 'date-parts': parts, circa: true } : { 'date-parts': parts };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** One date end as ISO 8601 at its precision: 2024, 2024-05, 2024-05-22. */
function formatIsoEnd(parts: DateParts): string {
  return [pad(parts[0], 4), parts[1] && pad(parts[1]), parts[2] && pad(parts[2])].filter(Boolean).join('-');
}

/** The date as front matter writes it (and EDTF reads it): 2024, 2024-05-22, 2024-05-20/2024-05-24, 2024~. */
export function formatIsoDate(date: CslDate): string {
  return `${date['date-parts'].map(formatIsoEnd).join('/')}${date.circa ? '~' : ''}`;
}

/** The start of the date as an HTML `<time datetime>` value, at its precision (HTML takes 2024, 2024-05 too). */
export function formatMachineDate(date: CslDate): string {
  return formatIsoEnd(date['date-parts'][0]);
}

/** One date end for readers: "Nov 28, 2022", "Nov 2022", "2022". */
function formatReadableEnd(parts: DateParts, withYear = true): string {
  const [year, month, day] = parts;
  const yearText = withYear ? String(year) : '';
  if (month === undefined) return yearText;
  if (day === undefined) return [MONTH_NAMES[month - 1], yearText].filter(Boolean).join(' ');
  return `${MONTH_NAMES[month - 1]} ${day}${withYear ? `, ${year}` : ''}`;
}

/** The date for readers at exactly its precision: "Nov 28, 2022", "Nov 2022", "2022", "May 20–24, 2024", "c. 1850". */
export function formatReadableDate(date: CslDate): string {
  const [start, end] = date['date-parts'];
  let text: string;
  if (!end) text = formatReadableEnd(start);
  else if (start[0] === end[0] && start.length === 3 && end.length === 3 && start[1] === end[1]) {
    text = `${MONTH_NAMES[start[1]! - 1]} ${start[2]}–${end[2]}, ${start[0]}`;
  } else if (start[0] === end[0] && start.length > 1 && end.length > 1) {
    text = `${formatReadableEnd(start, false)} – ${formatReadableEnd(end)}`;
  } else text = `${formatReadableEnd(start)}–${formatReadableEnd(end)}`;
  return date.circa ? `c. ${text}` : text;
}

/** The year a date starts in. */
export function getYear(date: CslDate): number {
  return date['date-parts'][0][0];
}

/** The start of a date as a full day, when the date gives one (for RSS `pubDate`, which needs a day). */
export function toFullDay(date: CslDate): Date | undefined {
  const [year, month, day] = date['date-parts'][0];
  if (month === undefined || day === undefined || date.circa) return undefined;
  const result = new Date(Date.UTC(2000, month - 1, day));
  result.setUTCFullYear(year);
  return result;
}

/**
 * Orders dates oldest first by their start; at equal known parts the less precise date comes first (a paper of
 * "2024" sorts before every paper of a day in 2024 in oldest-first order, after them newest first). Undated works
 * (`undefined`) sort after every dated one.
 */
export function compareDates(a: CslDate | undefined, b: CslDate | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return compareParts(a['date-parts'][0], b['date-parts'][0]) || a['date-parts'][0].length - b['date-parts'][0].length;
}
