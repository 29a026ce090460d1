import { globSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Parser } from 'htmlparser2';
import * as pagefind from 'pagefind';
import { hasUnspacedWords, separateUnspacedWords } from '../site/search-words';

/** The built pages Pagefind reads, relative to the output folder: the paper pages. */
const PAPER_PAGES = 'papers/*/index.html';

/** Pages read at once when looking for Chinese or Japanese text. */
const READ_BATCH = 32;

/**
 * The copy of a page the index reads: the words of every Chinese or Japanese run in its text separated by spaces
 * (see site/search-words.ts). Tags, attributes (the result title and metadata) and scripts stay byte for byte.
 */
export function separateIndexedWords(html: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  let raw = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (name === 'script' || name === 'style') raw++;
      },
      onclosetag(name) {
        if ((name === 'script' || name === 'style') && raw > 0) raw--;
      },
      ontext(text) {
        if (raw > 0 || !hasUnspacedWords(text)) return;
        edits.push({ start: parser.startIndex, end: parser.endIndex + 1, text: separateUnspacedWords(text) });
      },
    },
    { decodeEntities: false },
  );
  parser.write(html);
  parser.end();
  let out = '';
  let last = 0;
  for (const edit of edits) {
    out += html.slice(last, edit.start) + edit.text;
    last = edit.end;
  }
  return out + html.slice(last);
}

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` at the end of every `astro build`: one index in the
 * site's language, so one search finds every paper. Pagefind splits no Chinese or Japanese into words in such an
 * index, so pages holding any are indexed again from a copy whose words are separated (the page at the same URL
 * replaces the one first read); the search page splits queries the same way.
 */
export function pagefindIndex(options: { language: string }): AstroIntegration {
  return {
    name: 'bibshelf-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: options.language });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          // Only paper pages carry `data-pagefind-body`; reading listing pages (home, authors, years…) only to
          // drop them costs seconds for a large bibliography.
          const added = await index.addDirectory({ path: outDir, glob: PAPER_PAGES });
          if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error(`Pagefind indexed no pages in ${outDir}`);
          // Read a batch at a time, added in path order: the index files then come out the same on every build.
          const paths = globSync(PAPER_PAGES, { cwd: outDir }).sort();
          let separated = 0;
          for (let start = 0; start < paths.length; start += READ_BATCH) {
            const batch = paths.slice(start, start + READ_BATCH);
            const pages = await Promise.all(batch.map((path) => readFile(`${outDir}/${path}`, 'utf8')));
            for (const [offset, html] of pages.entries()) {
              if (!hasUnspacedWords(html)) continue;
              const path = batch[offset];
              const result = await index.addHTMLFile({ sourcePath: path, content: separateIndexedWords(html) });
              if (result.errors.length > 0)
                throw new Error(`Pagefind indexing ${path} failed: ${result.errors.join('; ')}`);
              separated++;
            }
          }
          const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, '')}/pagefind` });
          if (written.errors.length > 0)
            throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          logger.info(
            `Indexed ${added.page_count} pages (${separated} with Chinese or Japanese words) in ${Math.round(performance.now() - started)} ms`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
