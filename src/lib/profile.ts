import { z } from 'astro/zod';
import { CATEGORY_CODES } from './categories';

/** The researcher (or lab) the site is about, as kept in `src/data/profile.json`. */
export const profileSchema = z.strictObject({
  name: z.string().trim().min(1),
  /** Main arXiv category, shown under the name. */
  primaryCategory: z.enum(CATEGORY_CODES).optional(),
  hIndex: z.number().int().nonnegative().optional(),
  citations: z.number().int().nonnegative().optional(),
  /** Percent, 0–100. */
  novelty: z.number().min(0).max(100).optional(),
  aiScore: z.number().min(0).max(100).optional(),
  /** One line about the researcher or lab. */
  bio: z.string().optional(),
});

/** Validated profile data. */
export type Profile = z.output<typeof profileSchema>;

/** Validates profile data, naming the file and the field on error. */
export function parseProfile(data: unknown, file = 'src/data/profile.json'): Profile {
  const result = profileSchema.safeParse(data);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid profile in ${file}:\n${details.join('\n')}`);
  }
  return result.data;
}

/** Formats a count with thousands separators, as the profile shows it (1,133). */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
