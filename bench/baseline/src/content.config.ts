import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const papers = defineCollection({
  loader: glob({ pattern: '**/*.md', base: process.env.BIBSHELF_PAPERS_DIR ?? './papers' }),
});

export const collections = { papers };
