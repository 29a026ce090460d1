// The feature fixtures (issue 14): paper folders, people, images and site configs under tests/fixtures/features/,
// built with the real `astro build`; and axe-core run in the page, as the accessibility checks run it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { BUILD_ROOT, ROOT, buildSite } from './build';
import { serveStatic, type StaticServer } from './server';

/** The feature fixtures folder. */
export const FEATURES = join(ROOT, 'tests/fixtures/features');

/** The site configs of the fixtures, relative to the project (what BIBSHELF_CONFIG takes). */
export const FEATURE_CONFIGS = {
  /** A lab: people with aliases and photos, a profile with every header field, groups by year. */
  lab: 'tests/fixtures/features/site.config.mjs',
  /** The same papers as a personal site: the list before the selected papers, grouped by type then year. */
  person: 'tests/fixtures/features/person.config.mjs',
  /** Only the list (no selected section), grouped by type, type chips only. */
  papersOnly: 'tests/fixtures/features/papers-only.config.mjs',
} as const;

/** Builds a fixture site into tests/.build/<name>; throws with the build's output when it fails. */
export function buildFeatureSite(name: string, config: string, site?: string): string {
  const outDir = join(BUILD_ROOT, name);
  const result = buildSite({ outDir, config, site });
  if (result.status !== 0) throw new Error(`astro build of ${config} failed:\n${result.output}`);
  return outDir;
}

/**
 * Builds fixture sites and serves each, with one Chromium, for a test file: `sites[name]` is the server's URL.
 * Builds run before the browser starts (in the order given); everything is closed after the file's tests.
 */
export function useFeatureSites<Name extends string>(
  builds: Record<Name, { config: string; base?: string }>,
): { readonly browser: Browser; readonly urls: Record<Name, string>; readonly dirs: Record<Name, string> } {
  let browser: Browser | undefined;
  const servers: StaticServer[] = [];
  const urls = {} as Record<Name, string>;
  const dirs = {} as Record<Name, string>;
  beforeAll(async () => {
    for (const [name, { config }] of Object.entries(builds) as [Name, { config: string }][]) {
      dirs[name] = buildFeatureSite(`features-${name}`, config);
    }
    browser = await launchBrowser();
    for (const name of Object.keys(builds) as Name[]) {
      const server = await serveStatic(dirs[name], '/');
      servers.push(server);
      urls[name] = server.url;
    }
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
  });
  return {
    get browser() {
      return browser!;
    },
    urls,
    dirs,
  };
}

/**
 * Opens a page as a reader without JavaScript gets it, but in a context that runs scripts (axe needs them): the
 * HTML is served with its scripts removed and its <noscript> content unwrapped, as a browser without scripts reads it.
 */
export async function openWithoutScripts(page: Page, url: string): Promise<void> {
  await page.route(
    (target) => target.href === url,
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text())
        .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/gi, '')
        .replace(/<\/?noscript>/gi, '');
      await route.fulfill({ response, body: html });
    },
  );
  await page.goto(url);
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices, and any `extraTags` such as `wcag22aa`) on the page; returns each
 * violation with its first targets.
 * axe is evaluated rather than added as a script, so it also runs in a context without JavaScript.
 */
export async function findAxeViolations(page: Page, extraTags: string[] = []): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (extraTags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResult> } }).axe;
    interface AxeResult {
      violations: { id: string; nodes: { target: string[] }[] }[];
    }
    const result = await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice', ...extraTags],
    });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  }, extraTags);
}

/** The text of each element a locator finds, white space collapsed. */
export async function texts(locator: Locator): Promise<string[]> {
  return (await locator.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Downloads what clicking the main column's link `name` gives: its text and suggested file name. */
export async function download(page: Page, name: string): Promise<{ text: string; file: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('main').getByRole('link', { name, exact: true }).click(),
  ]);
  return { text: readFileSync((await file.path())!, 'utf8'), file: file.suggestedFilename() };
}
