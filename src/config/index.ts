// The one validated site config. Every module reads the config from here.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTaxonomy, type Taxonomy } from '../domain/taxonomy';
import { siteConfigSchema, type SiteConfig } from './schema';

export { siteConfigSchema, type SiteConfig, type SiteConfigInput } from './schema';
export { DEFAULT_STYLES } from '../formats/styles';

/** A site config that does not validate, with every problem named by its field. */
export class SiteConfigError extends Error {}

/** Environment variables that override the config per build (deploy targets). */
export interface ConfigEnvironment {
  SITE_URL?: string;
  BASE_PATH?: string;
  /** Another folder of papers (the tests and the benchmark build their own). */
  BIBSHELF_PAPERS_DIR?: string;
}

/** Validates a site config, after applying the `SITE_URL` / `BASE_PATH` overrides; `file` names it in errors. */
export function resolveSiteConfig(raw: unknown, env: ConfigEnvironment = {}, file = 'site.config.mjs'): SiteConfig {
  const input = { ...(typeof raw === 'object' && raw !== null ? raw : {}) } as Record<string, unknown>;
  if (env.SITE_URL) input.url = env.SITE_URL;
  if (env.BIBSHELF_PAPERS_DIR) input.papers = env.BIBSHELF_PAPERS_DIR;
  if (env.BASE_PATH) input.base = env.BASE_PATH.replace(/^\/*/, '/').replace(/\/*$/, '/');
  const result = siteConfigSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(config)'}: ${issue.message}`);
    throw new SiteConfigError(`Invalid site config ${file}\n${lines.join('\n')}`);
  }
  return result.data;
}

/** The config file a build reads: `BIBSHELF_CONFIG` (tests, the benchmark) or `site.config.mjs` in the project. */
export function findConfigFile(root = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  return resolve(root, env.BIBSHELF_CONFIG ?? 'site.config.mjs');
}

/** Loads and validates the site config file. */
export async function loadSiteConfig(
  file = findConfigFile(),
  env: ConfigEnvironment = process.env,
): Promise<SiteConfig> {
  if (!existsSync(file)) throw new SiteConfigError(`No site config: ${file} does not exist`);
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default?: unknown };
  return resolveSiteConfig(module.default, env, file);
}

/** The site config of this build. */
export const siteConfig: SiteConfig = await loadSiteConfig();

/** The site's taxonomy, from its config. */
export const taxonomy: Taxonomy = createTaxonomy(siteConfig.taxonomy);

/** Astro's cache folder for this build (`BIBSHELF_CACHE_DIR` gives tests and the benchmark their own). */
export const cacheDir: string = resolve(process.env.BIBSHELF_CACHE_DIR ?? 'node_modules/.astro');
