import { defineCollection } from 'astro:content';
import { findConfigFile, siteConfig, taxonomy } from './config';
import { createPaperSchema } from './domain/schema';
import {
  configImageLoader,
  createConfigImageSchema,
  createStoredPaperSchema,
  createStoredPersonSchema,
  paperLoader,
  peopleLoader,
} from './site/loader';

// The folders come from the site config (BIBSHELF_PAPERS_DIR overrides the papers folder for tests and the benchmark).
// Each schema only passes images through Astro's image(); the loaders validate everything else.
const papers = defineCollection({
  loader: paperLoader({
    dir: siteConfig.papers,
    assets: siteConfig.assets,
    schema: createPaperSchema({ taxonomy }),
    schemaDigest: JSON.stringify(siteConfig.taxonomy),
  }),
  schema: ({ image }) => createStoredPaperSchema(image),
});

const people = defineCollection({
  loader: peopleLoader({ dir: siteConfig.people, assets: siteConfig.assets }),
  schema: ({ image }) => createStoredPersonSchema(image),
});

const configImages = defineCollection({
  loader: configImageLoader({
    images: siteConfig.profile.photo
      ? [{ id: 'profile', field: 'profile.photo', value: siteConfig.profile.photo }]
      : [],
    assets: siteConfig.assets,
    configFile: findConfigFile(),
  }),
  schema: ({ image }) => createConfigImageSchema(image),
});

export const collections = { papers, people, configImages };
