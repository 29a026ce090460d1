// Papers of every common type, complete as a bibliography wants them (so bibtex and biber have nothing to warn
// about), and hostile ones: the writer's tests and the real-program tests share them.
import type { TestPaper } from './model';

/** One complete paper per common type. */
export const COMMON_PAPERS: TestPaper[] = [
  {
    file: 'article.md',
    frontMatter: {
      type: 'article-journal',
      title: 'Attention Is All You Need for BERT and GPT-2',
      authors: ['Ashish Vaswani', { family: 'Shazeer', given: 'Noam', suffix: 'Jr.' }, 'Ludwig van Beethoven'],
      date: '2017-06-12',
      containerTitle: 'Journal of Machine Learning Research',
      volume: '18',
      issue: '3',
      pages: '1–15',
      doi: '10.5555/3295222.3295349',
      url: 'https://example.org/papers/attention?id=1%202#sec-2',
      keywords: ['transformers', 'attention'],
    },
    abstract: 'We propose the *Transformer*.\n\nIt uses attention only.',
  },
  {
    file: 'conference.md',
    frontMatter: {
      type: 'paper-conference',
      title: 'Deep Residual Learning',
      authors: ['Kaiming He', 'Xiangyu Zhang'],
      date: '2016-06',
      containerTitle: 'Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition',
      pages: '770–778',
      publisher: 'IEEE',
      publisherPlace: 'Las Vegas',
      editors: ['Jane Doe'],
    },
  },
  {
    file: 'book.md',
    frontMatter: {
      type: 'book',
      title: 'The TeXbook',
      authors: ['Donald E. Knuth'],
      date: '1984',
      publisher: 'Addison-Wesley',
      publisherPlace: 'Reading, Mass.',
      edition: '2',
      isbn: '978-0-201-13447-6',
    },
  },
  {
    file: 'edited-book.md',
    frontMatter: {
      type: 'book',
      title: 'Handbook of Natural Language Processing',
      editors: ['Nitin Indurkhya', 'Fred J. Damerau'],
      date: '2010',
      publisher: 'Chapman and Hall/CRC',
      collectionTitle: 'Machine Learning and Pattern Recognition',
      volume: '2',
    },
  },
  {
    file: 'chapter.md',
    frontMatter: {
      type: 'chapter',
      title: 'Tokenisation and Sentence Segmentation',
      authors: ['David D. Palmer'],
      editors: ['Nitin Indurkhya', 'Fred J. Damerau'],
      containerTitle: 'Handbook of Natural Language Processing',
      date: '2010',
      publisher: 'Chapman and Hall/CRC',
      pages: '9–30',
      chapterNumber: '2',
    },
  },
  {
    file: 'phd.md',
    frontMatter: {
      type: 'thesis',
      title: 'Neural Models of Text',
      authors: ['Ada Lovelace'],
      genre: 'PhD thesis',
      publisher: 'University of Cambridge',
      publisherPlace: 'Cambridge',
      date: '2020-09',
    },
  },
  {
    file: 'masters.md',
    frontMatter: {
      type: 'thesis',
      bibtexType: 'mastersthesis',
      title: 'Parsing with Grammars',
      authors: ['Grace Hopper'],
      genre: "Master's thesis",
      publisher: 'Yale University',
      date: '1930',
    },
  },
  {
    file: 'report.md',
    frontMatter: {
      type: 'report',
      title: 'The Reproducibility of Results',
      authors: [{ literal: 'World Health Organization' }],
      number: 'TR-2021-07',
      publisher: 'Institute for Advanced Study',
      date: '2021-03-05',
      genre: 'Technical report',
    },
  },
  {
    file: 'dataset.md',
    frontMatter: {
      type: 'dataset',
      title: 'ImageNet Large Scale Visual Recognition Challenge',
      authors: ['Olga Russakovsky', 'Jia Deng'],
      date: '2015',
      publisher: 'Stanford Vision Lab',
      version: '2012',
      doi: '10.1007/s11263-015-0816-y',
      url: 'https://image-net.org/',
    },
  },
  {
    file: 'software.md',
    frontMatter: {
      type: 'software',
      title: 'SciPy: Open Source Scientific Tools for Python',
      authors: ['Pauli Virtanen', 'Ralf Gommers'],
      date: '2020-02',
      version: '1.4.1',
      url: 'https://scipy.org/',
      publisher: 'SciPy Developers',
    },
  },
  {
    file: 'webpage.md',
    frontMatter: {
      type: 'webpage',
      title: 'The Comprehensive TeX Archive Network',
      authors: [{ literal: 'CTAN Team' }],
      date: '2006',
      url: 'https://www.ctan.org/',
      accessed: '2024-10-01',
    },
  },
  {
    file: 'preprint.md',
    frontMatter: {
      type: 'article',
      title: 'DiffusionBERT: Improving Generative Masked Language Models',
      authors: ['Zhengfu He', 'Tianxiang Sun'],
      authorsTruncated: true,
      date: '2022-11-28',
      arxiv: '2211.15029v2',
      category: 'cs.CL',
    },
  },
  {
    file: 'talk.md',
    frontMatter: {
      type: 'speech',
      title: 'What Is a Bibliography For?',
      authors: ['Leslie Lamport'],
      date: '2024-05-20/2024-05-24',
      eventTitle: 'TUG 2024',
      eventPlace: 'Prague',
    },
  },
];

/** Titles and names that try to break out of their field, and text full of TeX specials. */
export const HOSTILE_TITLES = [
  'Closing }, note = {injected} early',
  '@misc{evil, title = {owned}}',
  'Unbalanced {{{ braces',
  'Unbalanced }}} braces',
  'Backslash \\ and \\end{document} and \\input{/etc/passwd}',
  '50% of #1 costs $5 & ~3^2 a_b',
  "TeX ligatures -- --- `` '' ?` !` ,, << >>",
  'Unicode: 日本語の題名 Русский заголовок Ελληνικά ǅ',
];
