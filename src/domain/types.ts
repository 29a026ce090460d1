// The one type table: every CSL item type with its label and its type in each format. The BibTeX column is what the
// export writes (classic BibTeX types, so bibtex's plain.bst and biber both read it); `subtype` is written as
// biblatex's `entrysubtype` where the classic type alone would not bring the CSL type back on import.

/** One CSL item type and its counterparts in the other formats. */
export interface ItemType {
  /** The CSL 1.0.2 item type, as written in front matter (`type: article-journal`). */
  csl: string;
  /** Singular label, as on a badge ("Journal article"). */
  label: string;
  /** Plural label, as a group heading ("Journal articles"). */
  plural: string;
  /** The URL segment of its list page, /types/<slug>/. */
  slug: string;
  /** BibTeX entry type written, and the `entrysubtype` that marks the CSL type when the entry type is shared. */
  bibtex: { type: string; subtype?: string };
  /** RIS reference type (TY) written. */
  ris: string;
  /** schema.org type for JSON-LD. */
  schemaOrg: string;
}

const row = (
  csl: string,
  label: string,
  plural: string,
  bibtex: string,
  ris: string,
  schemaOrg: string,
  subtype?: string,
): ItemType => ({
  csl,
  label,
  plural,
  slug: plural.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  bibtex: subtype ? { type: bibtex, subtype } : { type: bibtex },
  ris,
  schemaOrg,
});

/** Every CSL 1.0.2 item type, most common first (the order of type groups on the home page). */
export const ITEM_TYPES: readonly ItemType[] = [
  row('article-journal', 'Journal article', 'Journal articles', 'article', 'JOUR', 'ScholarlyArticle'),
  row('paper-conference', 'Conference paper', 'Conference papers', 'inproceedings', 'CPAPER', 'ScholarlyArticle'),
  row('article', 'Preprint', 'Preprints', 'misc', 'UNPB', 'ScholarlyArticle', 'preprint'),
  row('book', 'Book', 'Books', 'book', 'BOOK', 'Book'),
  row('chapter', 'Book chapter', 'Book chapters', 'incollection', 'CHAP', 'Chapter'),
  row('thesis', 'Thesis', 'Theses', 'phdthesis', 'THES', 'Thesis'),
  row('report', 'Report', 'Reports', 'techreport', 'RPRT', 'Report'),
  row('dataset', 'Dataset', 'Datasets', 'misc', 'DATA', 'Dataset', 'dataset'),
  row('software', 'Software', 'Software', 'misc', 'COMP', 'SoftwareSourceCode', 'software'),
  row('speech', 'Talk', 'Talks', 'misc', 'SLIDE', 'PresentationDigitalDocument', 'speech'),
  row('manuscript', 'Manuscript', 'Manuscripts', 'unpublished', 'MANSCPT', 'CreativeWork'),
  row('article-magazine', 'Magazine article', 'Magazine articles', 'article', 'MGZN', 'Article', 'magazine'),
  row('article-newspaper', 'Newspaper article', 'Newspaper articles', 'article', 'NEWS', 'NewsArticle', 'newspaper'),
  row('review', 'Review', 'Reviews', 'article', 'JOUR', 'Review', 'review'),
  row('review-book', 'Book review', 'Book reviews', 'article', 'JOUR', 'Review', 'review-book'),
  row(
    'entry-encyclopedia',
    'Encyclopedia entry',
    'Encyclopedia entries',
    'incollection',
    'ENCYC',
    'Article',
    'encyclopedia',
  ),
  row('entry-dictionary', 'Dictionary entry', 'Dictionary entries', 'incollection', 'DICT', 'Article', 'dictionary'),
  row('entry', 'Reference entry', 'Reference entries', 'incollection', 'GEN', 'Article', 'entry'),
  row('patent', 'Patent', 'Patents', 'misc', 'PAT', 'CreativeWork', 'patent'),
  row('standard', 'Standard', 'Standards', 'misc', 'STAND', 'CreativeWork', 'standard'),
  row('legal_case', 'Legal case', 'Legal cases', 'misc', 'CASE', 'Legislation', 'jurisdiction'),
  row('legislation', 'Legislation', 'Legislation', 'misc', 'STAT', 'Legislation', 'legislation'),
  row('bill', 'Bill', 'Bills', 'misc', 'BILL', 'Legislation', 'bill'),
  row('hearing', 'Hearing', 'Hearings', 'misc', 'HEAR', 'CreativeWork', 'hearing'),
  row('regulation', 'Regulation', 'Regulations', 'misc', 'GOVDOC', 'Legislation', 'regulation'),
  row('treaty', 'Treaty', 'Treaties', 'misc', 'LEGAL', 'Legislation', 'treaty'),
  row('webpage', 'Web page', 'Web pages', 'misc', 'ELEC', 'WebPage', 'online'),
  row('post-weblog', 'Blog post', 'Blog posts', 'misc', 'BLOG', 'BlogPosting', 'post-weblog'),
  row('post', 'Post', 'Posts', 'misc', 'ELEC', 'SocialMediaPosting', 'post'),
  row('pamphlet', 'Pamphlet', 'Pamphlets', 'booklet', 'PAMP', 'CreativeWork'),
  row('periodical', 'Periodical issue', 'Periodical issues', 'misc', 'JFULL', 'PublicationIssue', 'periodical'),
  row('collection', 'Archival collection', 'Archival collections', 'misc', 'AGGR', 'Collection', 'collection'),
  row('document', 'Document', 'Documents', 'misc', 'GEN', 'CreativeWork'),
  row('interview', 'Interview', 'Interviews', 'misc', 'PCOMM', 'CreativeWork', 'interview'),
  row('personal_communication', 'Letter', 'Letters', 'misc', 'PCOMM', 'Message', 'letter'),
  row('broadcast', 'Broadcast', 'Broadcasts', 'misc', 'SOUND', 'BroadcastEvent', 'broadcast'),
  row('motion_picture', 'Film', 'Films', 'misc', 'MPCT', 'Movie', 'movie'),
  row('song', 'Recording', 'Recordings', 'misc', 'SOUND', 'MusicRecording', 'audio'),
  row('musical_score', 'Musical score', 'Musical scores', 'misc', 'MUSIC', 'MusicComposition', 'music'),
  row('performance', 'Performance', 'Performances', 'misc', 'GEN', 'Event', 'performance'),
  row('event', 'Event', 'Events', 'misc', 'GEN', 'Event', 'event'),
  row('figure', 'Figure', 'Figures', 'misc', 'FIGURE', 'ImageObject', 'figure'),
  row('graphic', 'Graphic', 'Graphics', 'misc', 'ART', 'VisualArtwork', 'artwork'),
  row('map', 'Map', 'Maps', 'misc', 'MAP', 'Map', 'map'),
  row('classic', 'Classic work', 'Classic works', 'book', 'CLSWK', 'Book', 'classic'),
];

const BY_CSL = new Map(ITEM_TYPES.map((type) => [type.csl, type]));

/** Every CSL item type name, in table order. */
export const ITEM_TYPE_NAMES = ITEM_TYPES.map((type) => type.csl) as [string, ...string[]];

/** The table row of a CSL item type (throws for a type not in the table: the schema only lets table types in). */
export function getItemType(csl: string): ItemType {
  const type = BY_CSL.get(csl);
  if (!type) throw new Error(`Unknown CSL item type "${csl}"`);
  return type;
}

/** The type a paper has when its front matter names none: a preprint, as the seed's arXiv papers are. */
export const DEFAULT_ITEM_TYPE = 'article';

/**
 * BibTeX and biblatex entry types read on import, with the CSL type they become. Types written by the export come
 * back through `entrysubtype`; the rest of a lossy mapping (a @manual is a CSL report) keeps the entry type in the
 * paper's `bibtexType`, so the export writes it again.
 */
export const BIBTEX_TYPES_IN: Readonly<Record<string, string>> = {
  article: 'article-journal',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  book: 'book',
  mvbook: 'book',
  collection: 'book',
  mvcollection: 'book',
  proceedings: 'book',
  mvproceedings: 'book',
  reference: 'book',
  mvreference: 'book',
  bookinbook: 'chapter',
  inbook: 'chapter',
  incollection: 'chapter',
  suppbook: 'chapter',
  suppcollection: 'chapter',
  suppperiodical: 'article-journal',
  inreference: 'entry-encyclopedia',
  booklet: 'pamphlet',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  techreport: 'report',
  report: 'report',
  manual: 'report',
  unpublished: 'manuscript',
  misc: 'document',
  online: 'webpage',
  electronic: 'webpage',
  www: 'webpage',
  dataset: 'dataset',
  software: 'software',
  patent: 'patent',
  standard: 'standard',
  periodical: 'periodical',
  jurisdiction: 'legal_case',
  legislation: 'legislation',
  legal: 'treaty',
  letter: 'personal_communication',
  movie: 'motion_picture',
  video: 'motion_picture',
  audio: 'song',
  music: 'musical_score',
  image: 'figure',
  artwork: 'graphic',
  performance: 'performance',
  review: 'review',
};

/** The CSL type marked by an `entrysubtype` value the export writes (`@misc` + `entrysubtype = {dataset}`). */
export const BIBTEX_SUBTYPES_IN: Readonly<Record<string, string>> = Object.fromEntries(
  ITEM_TYPES.filter((type) => type.bibtex.subtype).map((type) => [
    `${type.bibtex.type}/${type.bibtex.subtype}`,
    type.csl,
  ]),
);

/** RIS reference types read on import (the export's own first, then the other RIS types in use). */
export const RIS_TYPES_IN: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...ITEM_TYPES].reverse().map((type) => [type.ris, type.csl])),
  JOUR: 'article-journal',
  EJOUR: 'article-journal',
  INPR: 'article-journal',
  CONF: 'paper-conference',
  CPAPER: 'paper-conference',
  BOOK: 'book',
  EBOOK: 'book',
  EDBOOK: 'book',
  CHAP: 'chapter',
  ECHAP: 'chapter',
  ELEC: 'webpage',
  ICOMM: 'webpage',
  GEN: 'document',
  PCOMM: 'personal_communication',
  SOUND: 'song',
  VIDEO: 'motion_picture',
  DBASE: 'dataset',
  ABST: 'article-journal',
  CTLG: 'book',
  SER: 'book',
  ANCIENT: 'classic',
  STAT: 'legislation',
  UNBILL: 'bill',
  GRANT: 'document',
  EQUA: 'figure',
  CHART: 'figure',
  MULTI: 'document',
  ADVS: 'motion_picture',
};
