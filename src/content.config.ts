import { defineCollection } from 'astro:content';
import { paperLoader } from './lib/loader';
import { paperSchema } from './lib/schema';

// BIBSHELF_PAPERS_DIR points the build at another folder of papers (the benchmark and the tests use it).
const papers = defineCollection({
  loader: paperLoader(process.env.BIBSHELF_PAPERS_DIR ?? './src/content/papers'),
  schema: paperSchema,
});

export const collections = { papers };
