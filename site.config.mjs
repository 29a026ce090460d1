// @ts-check
// The site's settings: who it is about, how papers are grouped and cited, how big feeds are. Every field but
// profile.name has a default (see src/config/schema.ts, where each is described). SITE_URL and BASE_PATH in the
// environment override url and base per build:
//   SITE_URL=https://me.github.io BASE_PATH=/bib/ npm run build

/** @type {import('./src/config/schema').SiteConfigInput} */
export default {
  url: 'https://bibshelf.example.org',
  base: '/',
  profile: {
    name: 'Zhengfu He',
    primaryCategory: 'CL',
    hIndex: 57,
    citations: 1133,
    novelty: 51,
    aiScore: 60,
  },
  // arXiv's category list, with cs as the archive whose classes are written alone (CL, LG, CV).
  taxonomy: { arxiv: true, defaultArchive: 'cs' },
};
