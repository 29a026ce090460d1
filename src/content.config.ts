import { defineCollection } from 'astro:content';
import { siteConfig, taxonomy } from './config';
import { createPaperSchema } from './domain/schema';
import { paperLoader } from './site/loader';

// The papers folder comes from the site config (BIBSHELF_PAPERS_DIR overrides it for tests and the benchmark).
const papers = defineCollection({
  loader: paperLoader(siteConfig.papers, createPaperSchema({ taxonomy }), JSON.stringify(siteConfig.taxonomy)),
});

export const collections = { papers };
