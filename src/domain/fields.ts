// The one field table. Each bibliographic or site field of a paper is declared once: its front-matter key, what kind
// of value it holds, its CSL variable, its BibTeX field (per entry type where BibTeX names it differently), its RIS
// tags, its Google Scholar (Highwire) tag, and its label on the page. The schema, the importer, the three export
// writers, the Scholar metadata and the page's details list all read this table; adding a field is one row.

import type { CslDate, CslDateVariable, CslNameVariable } from './csl';
import { parseDate } from './dates';

/** What a field holds; decides how it is validated, parsed and written. */
export type FieldKind =
  | 'text' // one line of text
  | 'longtext' // text that may run over several lines (notes)
  | 'number' // a count or number that may be written as text ("12", "A", "2nd")
  | 'names' // a list of names
  | 'date' // a date at its precision, or a range
  | 'list' // a list of short texts (keywords)
  | 'doi'
  | 'url'
  | 'isbn'
  | 'issn'
  | 'arxiv'
  | 'pmid'
  | 'pmcid'
  // Site fields: what only the site needs (kept in CSL-JSON under `custom`, not in the bibliographic record).
  | 'type' // a CSL item type of the type table
  | 'key' // a citation key
  | 'flag' // true or false
  | 'score' // a number from 0 to 100
  | 'category' // a code of the site's taxonomy
  | 'code' // true (code exists) or the code's URL
  | 'link' // one http(s) URL shown as a button
  | 'links' // custom {label, url} links
  | 'image' // a thumbnail file beside the paper or in src/assets
  | 'slug' // the page id override
  | 'bibtexType' // the BibTeX entry type an import came with, when the CSL type alone would not give it back
  | 'preamble' // LaTeX definitions (an import's @preamble) that the paper's verbatim BibTeX fields use
  | 'extra'; // verbatim BibTeX fields the model has no home for

/** Where a field goes in BibTeX: one name for every entry type, or names by CSL type / `@bibtexType`, `*` otherwise. */
export type BibtexName = string | { [cslTypeOrEntryType: string]: string | null };

/** One bibliographic field. */
export interface FieldSpec {
  /** Front-matter key. */
  key: string;
  kind: FieldKind;
  /** Label in the paper page's details and in error messages. */
  label: string;
  /** CSL-JSON variable; none for site fields (they go to the paper's `site` extras, and CSL-JSON `custom`). */
  csl?: string;
  /** BibTeX field written (and read). `null` for a type means the field has no BibTeX home there. */
  bibtex?: BibtexName;
  /** Other BibTeX/biblatex names read on import (biblatex's own names, legacy aliases). */
  bibtexAliases?: readonly string[];
  /**
   * By CSL type: the BibTeX field written when an earlier field already took this one's name (a preprint's
   * publisher, when its container title is the howpublished); read back as this field when the entry has it.
   */
  bibtexFallback?: { [cslType: string]: string };
  /** RIS tags: the first is written, every one is read. Per CSL type where RIS reuses a tag. */
  ris?: readonly string[] | { [cslType: string]: readonly string[] };
  /** Google Scholar (Highwire Press) meta tag, per CSL type where it differs; `*` otherwise. */
  highwire?: string | { [cslType: string]: string };
  /** Shown in the paper page's details list. */
  details?: boolean;
  /** For names: the front-matter key of the flag that marks the list as truncated ("et al."). */
  truncatedKey?: string;
}

const CONTAINER_TYPES = ['article-journal', 'article-magazine', 'article-newspaper', 'review', 'review-book'];
const BOOK_PART_TYPES = ['chapter', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'paper-conference'];
const byTypes = (types: readonly string[], name: string | null) =>
  Object.fromEntries(types.map((type) => [type, name]));

/** Names of people and organisations, by role. The front-matter key is the plural of the role. */
const NAME_FIELDS: FieldSpec[] = [
  {
    key: 'authors',
    kind: 'names',
    label: 'Authors',
    csl: 'author',
    bibtex: 'author',
    ris: ['AU', 'A1'],
    highwire: 'citation_author',
    truncatedKey: 'authorsTruncated',
  },
  {
    key: 'editors',
    kind: 'names',
    label: 'Editors',
    csl: 'editor',
    bibtex: 'editor',
    // ED is read as "editor" by every RIS reader; A2/A3 follow Zotero, which swaps them for books.
    ris: { book: ['ED', 'A3'], '*': ['ED', 'A2'] },
    highwire: 'citation_editor',
    details: true,
    truncatedKey: 'editorsTruncated',
  },
  {
    key: 'translators',
    kind: 'names',
    label: 'Translators',
    csl: 'translator',
    bibtex: 'translator',
    ris: ['A4'],
    details: true,
  },
  {
    key: 'containerAuthors',
    kind: 'names',
    label: 'Book authors',
    csl: 'container-author',
    bibtex: 'bookauthor',
    details: true,
  },
  {
    key: 'collectionEditors',
    kind: 'names',
    label: 'Series editors',
    csl: 'collection-editor',
    ris: { book: ['A2'], '*': ['A3'] },
    details: true,
  },
  { key: 'reviewedAuthors', kind: 'names', label: 'Reviewed authors', csl: 'reviewed-author', details: true },
  { key: 'recipients', kind: 'names', label: 'Recipients', csl: 'recipient', details: true },
  { key: 'interviewers', kind: 'names', label: 'Interviewers', csl: 'interviewer', details: true },
  { key: 'directors', kind: 'names', label: 'Directors', csl: 'director', details: true },
  { key: 'illustrators', kind: 'names', label: 'Illustrators', csl: 'illustrator', details: true },
  { key: 'composers', kind: 'names', label: 'Composers', csl: 'composer', details: true },
  { key: 'compilers', kind: 'names', label: 'Compilers', csl: 'compiler', details: true },
  { key: 'chairs', kind: 'names', label: 'Chairs', csl: 'chair', details: true },
  { key: 'contributors', kind: 'names', label: 'Contributors', csl: 'contributor', details: true },
  { key: 'curators', kind: 'names', label: 'Curators', csl: 'curator', details: true },
  { key: 'organizers', kind: 'names', label: 'Organizers', csl: 'organizer', details: true },
  { key: 'performers', kind: 'names', label: 'Performers', csl: 'performer', details: true },
  { key: 'producers', kind: 'names', label: 'Producers', csl: 'producer', details: true },
  { key: 'hosts', kind: 'names', label: 'Hosts', csl: 'host', details: true },
  { key: 'guests', kind: 'names', label: 'Guests', csl: 'guest', details: true },
  { key: 'narrators', kind: 'names', label: 'Narrators', csl: 'narrator', details: true },
  { key: 'originalAuthors', kind: 'names', label: 'Original authors', csl: 'original-author', details: true },
  { key: 'scriptWriters', kind: 'names', label: 'Script writers', csl: 'script-writer', details: true },
  { key: 'seriesCreators', kind: 'names', label: 'Series creators', csl: 'series-creator', details: true },
  { key: 'executiveProducers', kind: 'names', label: 'Executive producers', csl: 'executive-producer', details: true },
  { key: 'editorialDirectors', kind: 'names', label: 'Editorial directors', csl: 'editorial-director', details: true },
  {
    key: 'editorTranslators',
    kind: 'names',
    label: 'Editors and translators',
    csl: 'editor-translator',
    details: true,
  },
];

const DATE_FIELDS: FieldSpec[] = [
  // Written to BibTeX as year/month/day (and biblatex's `date` for ranges): see formats/bibtex.
  {
    key: 'date',
    kind: 'date',
    label: 'Published',
    csl: 'issued',
    bibtex: 'date',
    bibtexAliases: ['year'],
    ris: ['PY', 'Y1', 'DA'],
    highwire: 'citation_publication_date',
    details: true,
  },
  { key: 'accessed', kind: 'date', label: 'Accessed', csl: 'accessed', bibtex: 'urldate', ris: ['Y2'], details: true },
  {
    key: 'originalDate',
    kind: 'date',
    label: 'First published',
    csl: 'original-date',
    bibtex: 'origdate',
    details: true,
  },
  { key: 'eventDate', kind: 'date', label: 'Event date', csl: 'event-date', bibtex: 'eventdate', details: true },
  { key: 'submitted', kind: 'date', label: 'Submitted', csl: 'submitted', details: true },
  {
    key: 'availableDate',
    kind: 'date',
    label: 'Available online',
    csl: 'available-date',
    highwire: 'citation_online_date',
    details: true,
  },
];

const TEXT_FIELDS: FieldSpec[] = [
  {
    key: 'title',
    kind: 'text',
    label: 'Title',
    csl: 'title',
    bibtex: 'title',
    ris: ['TI', 'T1'],
    highwire: 'citation_title',
  },
  { key: 'titleShort', kind: 'text', label: 'Short title', csl: 'title-short', bibtex: 'shorttitle', ris: ['ST'] },
  {
    key: 'originalTitle',
    kind: 'text',
    label: 'Original title',
    csl: 'original-title',
    bibtex: 'origtitle',
    details: true,
  },
  {
    key: 'containerTitle',
    kind: 'text',
    // The label shown depends on the type (Journal, Proceedings, Book…): see site/venue.
    label: 'Published in',
    csl: 'container-title',
    bibtex: {
      ...byTypes(CONTAINER_TYPES, 'journal'),
      ...byTypes(BOOK_PART_TYPES, 'booktitle'),
      book: 'maintitle',
      webpage: 'howpublished',
      'post-weblog': 'howpublished',
      post: 'howpublished',
      // A talk's howpublished says where it was given (its event title): biber's @misc has no eventtitle.
      speech: null,
      '*': 'howpublished',
    },
    bibtexAliases: ['journaltitle'],
    // T2 is what Zotero and EndNote write; JO and JF are the RIS spec's full journal name (JA/J1 are abbreviations).
    // A book's T2 is its series (see collectionTitle), as in Zotero and EndNote.
    // A talk's T2 is its event (eventTitle), as in Zotero's presentations.
    ris: { 'article-journal': ['T2', 'JO', 'JF'], book: [], speech: [], '*': ['T2', 'JO', 'JF', 'BT'] },
    highwire: {
      'article-journal': 'citation_journal_title',
      'article-magazine': 'citation_journal_title',
      'article-newspaper': 'citation_journal_title',
      review: 'citation_journal_title',
      'paper-conference': 'citation_conference_title',
      // Scholar names no tag for other containers (a web page's site, a preprint's server).
      chapter: 'citation_inbook_title',
      entry: 'citation_inbook_title',
      'entry-dictionary': 'citation_inbook_title',
      'entry-encyclopedia': 'citation_inbook_title',
    },
    details: true,
  },
  {
    key: 'containerTitleShort',
    kind: 'text',
    label: 'Abbreviated',
    csl: 'container-title-short',
    bibtex: 'shortjournal',
    ris: ['J2', 'JA', 'J1'],
    highwire: 'citation_journal_abbrev',
    details: true,
  },
  {
    key: 'collectionTitle',
    kind: 'text',
    label: 'Series',
    csl: 'collection-title',
    bibtex: 'series',
    ris: { book: ['T2', 'T3'], '*': ['T3'] },
    details: true,
  },
  {
    key: 'collectionNumber',
    kind: 'number',
    label: 'Number in series',
    csl: 'collection-number',
    bibtex: { book: 'number', chapter: 'number', 'paper-conference': 'number', '*': null },
    ris: ['SV'],
    details: true,
  },
  { key: 'volumeTitle', kind: 'text', label: 'Volume title', csl: 'volume-title', details: true },
  // A talk is written as @misc, whose fields (biber's data model) have no eventtitle or venue: howpublished and
  // location say where it was given.
  {
    key: 'eventTitle',
    kind: 'text',
    label: 'Event',
    csl: 'event-title',
    bibtex: { speech: 'howpublished', '*': 'eventtitle' },
    bibtexAliases: ['eventtitle'],
    ris: { speech: ['T2'], '*': [] },
    details: true,
  },
  {
    key: 'eventPlace',
    kind: 'text',
    label: 'Event place',
    csl: 'event-place',
    bibtex: { speech: 'location', '*': 'venue' },
    bibtexAliases: ['venue'],
    // Zotero writes a talk's place as CY and a conference paper's as C1.
    ris: { speech: ['CY'], 'paper-conference': ['C1'], '*': [] },
    details: true,
  },
  {
    key: 'volume',
    kind: 'number',
    label: 'Volume',
    csl: 'volume',
    bibtex: 'volume',
    ris: ['VL'],
    highwire: 'citation_volume',
    details: true,
  },
  {
    key: 'issue',
    kind: 'number',
    label: 'Issue',
    csl: 'issue',
    bibtex: { ...byTypes(CONTAINER_TYPES, 'number'), '*': 'issue' },
    ris: ['IS'],
    highwire: 'citation_issue',
    details: true,
  },
  {
    key: 'pages',
    kind: 'text',
    label: 'Pages',
    csl: 'page',
    bibtex: 'pages',
    // Written as SP (first page) and EP (last page): see formats/ris. A whole book's SP is its page count.
    ris: { book: [], thesis: [], manuscript: [], '*': ['SP'] },
    // Written as citation_firstpage and citation_lastpage: see formats/scholar.
    highwire: 'citation_firstpage',
    details: true,
  },
  {
    key: 'numberOfPages',
    kind: 'number',
    label: 'Number of pages',
    csl: 'number-of-pages',
    bibtex: 'pagetotal',
    ris: { book: ['SP'], thesis: ['SP'], manuscript: ['SP'], '*': [] },
    details: true,
  },
  {
    key: 'numberOfVolumes',
    kind: 'number',
    label: 'Number of volumes',
    csl: 'number-of-volumes',
    bibtex: 'volumes',
    ris: ['NV'],
    details: true,
  },
  {
    key: 'edition',
    kind: 'number',
    label: 'Edition',
    csl: 'edition',
    bibtex: 'edition',
    // Zotero writes a program's or a dataset's version as ET.
    ris: { software: [], dataset: [], '*': ['ET'] },
    details: true,
  },
  {
    key: 'publisher',
    kind: 'text',
    label: 'Publisher',
    csl: 'publisher',
    bibtex: {
      thesis: 'school',
      report: 'institution',
      '@manual': 'organization',
      article: 'howpublished',
      // Datasets are written as @misc, which has organization but no publisher in biber's data model.
      dataset: 'organization',
      software: 'organization',
      webpage: 'organization',
      'post-weblog': 'organization',
      post: 'organization',
      speech: 'organization',
      '*': 'publisher',
    },
    // Not `organization`: BibTeX and biblatex keep it apart from the publisher (@inproceedings has both), so it
    // stays in extra unless the type writes the publisher as organization (@manual, software, web pages).
    bibtexAliases: ['school', 'institution'],
    // A preprint with a container title too: biber's @misc has one howpublished, and organization beside it.
    bibtexFallback: { article: 'organization' },
    ris: { thesis: ['PB'], report: ['PB'], '*': ['PB'] },
    highwire: {
      thesis: 'citation_dissertation_institution',
      report: 'citation_technical_report_institution',
      '*': 'citation_publisher',
    },
    details: true,
  },
  {
    key: 'publisherPlace',
    kind: 'text',
    label: 'Place',
    csl: 'publisher-place',
    bibtex: 'address',
    bibtexAliases: ['location'],
    ris: { speech: [], '*': ['CY', 'PP'] },
    details: true,
  },
  {
    key: 'originalPublisher',
    kind: 'text',
    label: 'Original publisher',
    csl: 'original-publisher',
    bibtex: 'origpublisher',
    details: true,
  },
  {
    key: 'originalPublisherPlace',
    kind: 'text',
    label: 'Original place',
    csl: 'original-publisher-place',
    bibtex: 'origlocation',
    details: true,
  },
  { key: 'genre', kind: 'text', label: 'Kind', csl: 'genre', bibtex: 'type', ris: ['M3'], details: true },
  { key: 'medium', kind: 'text', label: 'Medium', csl: 'medium', details: true },
  {
    key: 'number',
    kind: 'number',
    label: 'Number',
    csl: 'number',
    bibtex: { book: null, chapter: null, 'paper-conference': null, ...byTypes(CONTAINER_TYPES, null), '*': 'number' },
    ris: ['M1'],
    // Scholar documents a number only for technical reports.
    highwire: { report: 'citation_technical_report_number' },
    details: true,
  },
  { key: 'chapterNumber', kind: 'number', label: 'Chapter', csl: 'chapter-number', bibtex: 'chapter', details: true },
  { key: 'section', kind: 'text', label: 'Section', csl: 'section', ris: ['SE'], details: true },
  { key: 'partNumber', kind: 'number', label: 'Part', csl: 'part-number', bibtex: 'part', details: true },
  { key: 'partTitle', kind: 'text', label: 'Part title', csl: 'part-title', details: true },
  { key: 'supplementNumber', kind: 'number', label: 'Supplement', csl: 'supplement-number', details: true },
  { key: 'printingNumber', kind: 'number', label: 'Printing', csl: 'printing-number', details: true },
  {
    key: 'version',
    kind: 'text',
    label: 'Version',
    csl: 'version',
    bibtex: 'version',
    ris: { software: ['ET'], dataset: ['ET'], '*': [] },
    details: true,
  },
  { key: 'status', kind: 'text', label: 'Status', csl: 'status', bibtex: 'pubstate', details: true },
  { key: 'division', kind: 'text', label: 'Division', csl: 'division', details: true },
  { key: 'authority', kind: 'text', label: 'Authority', csl: 'authority', details: true },
  { key: 'jurisdiction', kind: 'text', label: 'Jurisdiction', csl: 'jurisdiction', details: true },
  { key: 'references', kind: 'text', label: 'References', csl: 'references', details: true },
  { key: 'reviewedTitle', kind: 'text', label: 'Reviewed work', csl: 'reviewed-title', details: true },
  { key: 'reviewedGenre', kind: 'text', label: 'Reviewed kind', csl: 'reviewed-genre', details: true },
  { key: 'dimensions', kind: 'text', label: 'Dimensions', csl: 'dimensions', details: true },
  { key: 'scale', kind: 'text', label: 'Scale', csl: 'scale', details: true },
  { key: 'archive', kind: 'text', label: 'Archive', csl: 'archive', ris: ['DB'], details: true },
  { key: 'archiveCollection', kind: 'text', label: 'Archive collection', csl: 'archive_collection', details: true },
  {
    key: 'archiveLocation',
    kind: 'text',
    label: 'Archive location',
    csl: 'archive_location',
    ris: ['AN'],
    details: true,
  },
  { key: 'archivePlace', kind: 'text', label: 'Archive place', csl: 'archive-place', details: true },
  { key: 'callNumber', kind: 'text', label: 'Call number', csl: 'call-number', ris: ['CN'], details: true },
  // Zotero's "Library Catalog", which it writes as DP (database provider).
  { key: 'source', kind: 'text', label: 'Source', csl: 'source', ris: ['DP'], details: true },
  {
    key: 'language',
    kind: 'text',
    label: 'Language',
    csl: 'language',
    // Not biblatex's langid (hyphenation): it stays in extra, so a file with `langid` (biblatex) and one with
    // `language` (JabRef, Mendeley) both come back with the field they had.
    bibtex: 'language',
    ris: ['LA'],
    highwire: 'citation_language',
    details: true,
  },
  { key: 'license', kind: 'text', label: 'Licence', csl: 'license', details: true },
  {
    key: 'keywords',
    kind: 'list',
    label: 'Keywords',
    csl: 'keyword',
    bibtex: 'keywords',
    ris: ['KW'],
    highwire: 'citation_keywords',
  },
  { key: 'note', kind: 'longtext', label: 'Note', csl: 'note', bibtex: 'note', ris: ['N1'] },
  {
    key: 'annotation',
    kind: 'longtext',
    label: 'Annotation',
    csl: 'annote',
    // BibTeX's own name (biber reads it as biblatex's annotation): the parser's crossref inheritance copies
    // `annotation` from a parent, never `annote`, so writing `annote` reads back as the source was read.
    bibtex: 'annote',
    bibtexAliases: ['annotation'],
  },
];

const IDENTIFIER_FIELDS: FieldSpec[] = [
  // The BibTeX entry key and the RIS ID, not a BibTeX field.
  { key: 'citationKey', kind: 'key', label: 'Citation key', csl: 'citation-key', ris: ['ID'] },
  { key: 'doi', kind: 'doi', label: 'DOI', csl: 'DOI', bibtex: 'doi', ris: ['DO'], highwire: 'citation_doi' },
  // arXiv has no CSL variable: see formats/csl-json (the preprint's `number`) and formats/bibtex (eprint).
  // BibTeX: eprint + archiveprefix = {arXiv} (+ primaryclass from an arXiv category); al-folio writes `arxiv`.
  // RIS: `AN  - arXiv:<id>` (accession number), told apart from archiveLocation's AN by the prefix.
  {
    key: 'arxiv',
    kind: 'arxiv',
    label: 'arXiv',
    bibtex: 'eprint',
    bibtexAliases: ['arxiv'],
    ris: ['AN'],
    highwire: 'citation_arxiv_id',
  },
  {
    key: 'isbn',
    kind: 'isbn',
    label: 'ISBN',
    csl: 'ISBN',
    bibtex: 'isbn',
    ris: ['SN'],
    highwire: 'citation_isbn',
    details: true,
  },
  {
    key: 'issn',
    kind: 'issn',
    label: 'ISSN',
    csl: 'ISSN',
    bibtex: 'issn',
    ris: ['SN'],
    highwire: 'citation_issn',
    details: true,
  },
  {
    key: 'pmid',
    kind: 'pmid',
    label: 'PubMed ID',
    csl: 'PMID',
    bibtex: 'pmid',
    highwire: 'citation_pmid',
    details: true,
  },
  { key: 'pmcid', kind: 'pmcid', label: 'PubMed Central ID', csl: 'PMCID', bibtex: 'pmcid', details: true },
  { key: 'url', kind: 'url', label: 'URL', csl: 'URL', bibtex: 'url', ris: ['UR'], highwire: 'citation_public_url' },
];

/**
 * Site fields. Their `bibtex` names are al-folio's (written only when the config turns `exports.bibtex.siteFields`
 * on, and read on import either way), so an al-folio bibliography comes in whole.
 */
const SITE_FIELDS: FieldSpec[] = [
  { key: 'category', kind: 'category', label: 'Category' },
  { key: 'score', kind: 'score', label: 'Score', bibtex: 'score' },
  { key: 'selected', kind: 'flag', label: 'Selected', bibtex: 'selected' },
  { key: 'award', kind: 'text', label: 'Award', bibtex: 'award' },
  { key: 'code', kind: 'code', label: 'Code', bibtex: 'code' },
  // RIS L1 is "link to PDF" (Zotero attaches it as the full text).
  { key: 'pdf', kind: 'link', label: 'PDF', bibtex: 'pdf', ris: ['L1'], highwire: 'citation_pdf_url' },
  { key: 'data', kind: 'link', label: 'Data', bibtex: 'data' },
  { key: 'model', kind: 'link', label: 'Model', bibtex: 'model' },
  { key: 'slides', kind: 'link', label: 'Slides', bibtex: 'slides' },
  { key: 'video', kind: 'link', label: 'Video', bibtex: 'video' },
  { key: 'poster', kind: 'link', label: 'Poster', bibtex: 'poster' },
  { key: 'project', kind: 'link', label: 'Project page', bibtex: 'html', bibtexAliases: ['website'] },
  { key: 'blog', kind: 'link', label: 'Blog post', bibtex: 'blog' },
  { key: 'supplement', kind: 'link', label: 'Supplement', bibtex: 'supp' },
  { key: 'links', kind: 'links', label: 'Links' },
  { key: 'thumbnail', kind: 'image', label: 'Thumbnail' },
  { key: 'slug', kind: 'slug', label: 'Page id' },
  { key: 'bibtexType', kind: 'bibtexType', label: 'BibTeX entry type' },
  { key: 'bibtexPreamble', kind: 'preamble', label: 'BibTeX preamble' },
  { key: 'extra', kind: 'extra', label: 'Other BibTeX fields' },
];

/** Every field, in the order exports and the details list write them. */
export const FIELDS: readonly FieldSpec[] = [
  { key: 'type', kind: 'type', label: 'Type', csl: 'type', ris: ['TY'] },
  TEXT_FIELDS[0],
  NAME_FIELDS[0],
  ...TEXT_FIELDS.slice(1, 2),
  ...NAME_FIELDS.slice(1),
  ...DATE_FIELDS,
  ...TEXT_FIELDS.slice(2),
  ...IDENTIFIER_FIELDS,
  ...SITE_FIELDS,
];

/** Fields of the bibliographic record (those with a CSL variable). */
export const CSL_FIELDS = FIELDS.filter((field) => field.csl !== undefined) as (FieldSpec & { csl: string })[];

/** Fields only the site needs (no CSL variable). */
export const SITE_FIELD_SPECS = FIELDS.filter((field) => field.csl === undefined);

/** Name fields only. */
export const NAME_FIELD_SPECS = FIELDS.filter((field) => field.kind === 'names') as (FieldSpec & {
  csl: CslNameVariable;
})[];

/** Date fields only. */
export const DATE_FIELD_SPECS = FIELDS.filter((field) => field.kind === 'date') as (FieldSpec & {
  csl: CslDateVariable;
})[];

const BY_KEY = new Map(FIELDS.map((field) => [field.key, field]));

/** The field of a front-matter key, if it is a bibliographic field. */
export function findField(key: string): FieldSpec | undefined {
  return BY_KEY.get(key);
}

/**
 * The BibTeX field a model field is written to for an item: the name for the paper's `bibtexType` override, else
 * for its CSL type, else the default; `undefined` when BibTeX has no home for it.
 */
export function getBibtexName(field: FieldSpec, cslType: string, bibtexType?: string): string | undefined {
  const names = field.bibtex;
  if (names === undefined || typeof names === 'string') return names;
  const chosen =
    (bibtexType !== undefined ? names[`@${bibtexType}`] : undefined) ??
    (cslType in names ? names[cslType] : names['*']);
  return chosen ?? undefined;
}

/**
 * The BibTeX field a model field is written to when `taken` holds the names earlier fields of the entry took: its
 * own name, or its fallback for the type when that name is taken (see `bibtexFallback`).
 */
export function chooseBibtexName(
  field: FieldSpec,
  cslType: string,
  bibtexType: string | undefined,
  taken: ReadonlySet<string>,
): string | undefined {
  const name = getBibtexName(field, cslType, bibtexType);
  const fallback = field.bibtexFallback?.[cslType];
  return name !== undefined && taken.has(name) && fallback ? fallback : name;
}

/** The RIS tags of a field for a CSL type (first written, all read). */
export function getRisTags(field: FieldSpec, cslType: string): readonly string[] {
  const tags = field.ris;
  if (tags === undefined) return [];
  if (Array.isArray(tags)) return tags;
  const byType = tags as { [type: string]: readonly string[] };
  return byType[cslType] ?? byType['*'] ?? [];
}

/** The Highwire tag of a field for a CSL type. */
export function getHighwireTag(field: FieldSpec, cslType: string): string | undefined {
  const tag = field.highwire;
  if (tag === undefined || typeof tag === 'string') return tag;
  return tag[cslType] ?? tag['*'];
}

/**
 * Every BibTeX field the writer fills from a model field for an item: the issued date as year, month, day and
 * biblatex's date; arXiv as eprint and archiveprefix; else the one `getBibtexName` gives. An `extra` field must not
 * reuse one of these names (the entry would hold the field twice).
 */
export function getWrittenBibtexNames(
  field: FieldSpec,
  cslType: string,
  bibtexType?: string,
  value?: unknown,
): string[] {
  if (field.key === 'date') {
    // At the date's precision: a year-only date leaves `month` free (for a month that is no month, "Spring").
    let date: CslDate | undefined;
    try {
      date = typeof value === 'string' || typeof value === 'number' ? parseDate(value) : (value as CslDate);
    } catch {
      date = undefined;
    }
    const [start, end] = date?.['date-parts'] ?? [[0, 1, 1]];
    return [
      'year',
      ...(start.length > 1 ? ['month'] : []),
      ...(start.length > 2 ? ['day'] : []),
      ...(end || date?.circa || !date ? ['date'] : []),
    ];
  }
  if (field.kind === 'arxiv') return ['eprint', 'archiveprefix'];
  const name = getBibtexName(field, cslType, bibtexType);
  return name === undefined ? [] : [name];
}

/** Which model field writes each BibTeX field of an entry with these front-matter values (fallbacks applied). */
export function mapWrittenBibtexNames(
  data: Readonly<Record<string, unknown>>,
  cslType: string,
  bibtexType?: string,
): Map<string, FieldSpec> {
  const owners = new Map<string, FieldSpec>();
  for (const field of FIELDS) {
    if (data[field.key] === undefined || field.kind === 'extra') continue;
    const names = getWrittenBibtexNames(field, cslType, bibtexType, data[field.key]);
    // The date's names (year, month, day, date) follow its precision; a field of one name may take its fallback.
    const single = names.length === 1 && field.key !== 'date' && field.kind !== 'arxiv';
    const chosen = single ? [chooseBibtexName(field, cslType, bibtexType, new Set(owners.keys()))!] : names;
    for (const name of chosen) if (!owners.has(name)) owners.set(name, field);
  }
  return owners;
}
