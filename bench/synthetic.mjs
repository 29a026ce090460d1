// Deterministic synthetic papers for the benchmark: varied titles, unicode names, abstracts as long as the seed's, the
// common types with their venues, dates at several precisions. Plain JavaScript so `npm run bench` runs it with Node
// directly; tests/bench/synthetic.test.ts validates its output with the real paper schema.

const WORDS = (
  'sparse attention transformer language model diffusion circuit feature dictionary learning interpretability ' +
  'mechanistic residual stream autoencoder gradient prompt tuning benchmark agent reasoning retrieval alignment ' +
  'representation embedding decoder encoder scaling pretraining finetuning evaluation dataset generation graph ' +
  'convolution vision token layer head neuron superposition probing causal intervention robustness efficiency'
).split(' ');
const TITLE_EXTRAS = ['BERT', 'GPT-2', 'LLMs', 'Q&A', '50% Fewer', '"Quoted"', 'x_i', '{Braces}', 'Ünïcode', '中文'];
// About 60 × 60 name combinations: a lab-sized set of co-authors, most with a handful of papers each.
const GIVEN = (
  'Zhengfu Łukasz José Zoë Søren Ana-María Wei Yuki Ольга Δημήτρης Ahmed Chloé Xuyang Tianxiang Rui Junxuan ' +
  'Guancheng Wentao Qiong Fukang Hong Kuanning Maria John Priya Arjun Fatima Omar Hana Minh Lars Ingrid Pierre ' +
  'Élodie Giulia Marco Sven Aisha Kwame Nadia Tomás Lucía Mateo Sofia Ivan Dmitri Anya Kenji Sakura Jae-won ' +
  'Min-jun Olumide Chidi Emre Zeynep Rahul Sanjay Mei Lin'
).split(' ');
const FAMILY = [
  'van der Berg',
  ...(
    'He Ćwik García Müller Ødegaard Nguyễn Zhang Tanaka Иванова Παπαδόπουλος Ali Sun Wang Ge Shu Lin Zhou Tang ' +
    'Zhu Qian Smith Patel Kumar Haddad Okafor Kim Park Larsen Dubois Rossi Bianchi Svensson Mensah Fernández ' +
    'López Silva Petrov Volkova Suzuki Yamamoto Choi Adeyemi Yılmaz Şahin Gupta Chen Liu Huang Wu Xu Schmidt ' +
    'Novak Kowalski Horvat'
  ).split(' '),
];
const CJK = ['张伟', '王芳', '李娜', '刘洋', '陈静'];
const CATEGORIES = ['CL', 'LG', 'CV', 'AI', 'IR', 'NE', 'RO'];

/** A small seeded PRNG (mulberry32), so every run generates the same papers. */
export function createRandom(seed = 42) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random, list) => list[Math.floor(random() * list.length)];
const between = (random, min, max) => min + Math.floor(random() * (max - min + 1));
const quote = (text) => JSON.stringify(text);

const JOURNALS = ['Journal of Machine Learning Research', 'Computational Linguistics', 'Neural Computation', 'Nature'];
const PROCEEDINGS = [
  'Proceedings of the Annual Meeting of the Association for Computational Linguistics',
  'Advances in Neural Information Processing Systems',
  'Proceedings of the International Conference on Learning Representations',
];
const PUBLISHERS = ['Springer', 'MIT Press', 'Cambridge University Press', 'Association for Computing Machinery'];
const UNIVERSITIES = ['Fudan University', 'University of Oxford', 'ETH Zürich', 'Université Paris-Saclay'];
const KEYWORDS = ['sparse autoencoders', 'interpretability', 'language models', 'diffusion', 'agents', 'vision'];

/** A date at the precision an editor knows it: mostly a day, sometimes a month, sometimes only the year. */
function makeDate(random) {
  const day = new Date(Date.UTC(2011, 0, 1) + Math.floor(random() * 15 * 365) * 86_400_000).toISOString();
  const precision = random();
  return precision < 0.6 ? day.slice(0, 10) : precision < 0.85 ? day.slice(0, 7) : day.slice(0, 4);
}

/** The type and the venue fields of one paper, in front-matter keys: where it appeared, as each type says it. */
function makeVenue(index, random, date) {
  const kind = index % 10;
  const pages = () => {
    const first = between(random, 1, 900);
    return `${first}-${first + between(random, 5, 30)}`;
  };
  if (kind <= 2) {
    return {
      type: 'article-journal',
      containerTitle: pick(random, JOURNALS),
      volume: String(between(random, 1, 60)),
      issue: String(between(random, 1, 12)),
      pages: pages(),
      doi: `10.5555/synthetic.${index}`,
    };
  }
  if (kind === 3) {
    return { type: 'paper-conference', containerTitle: pick(random, PROCEEDINGS), pages: pages() };
  }
  if (kind <= 6) {
    // arXiv's YYMM.NNNNN ids (four digits after the dot before 2015).
    const digits = Number(date.slice(0, 4)) < 2015 ? 4 : 5;
    const month = date.length >= 7 ? date.slice(5, 7) : '01';
    const arxiv = `${date.slice(2, 4)}${month}.${String(index % 10 ** digits).padStart(digits, '0')}`;
    return { type: 'article', publisher: 'arXiv', arxiv };
  }
  if (kind === 7) {
    return { type: 'book', publisher: pick(random, PUBLISHERS), publisherPlace: 'Cambridge, MA', edition: '2' };
  }
  if (kind === 8) {
    return {
      type: 'chapter',
      containerTitle: `Handbook of ${pick(random, WORDS)} ${pick(random, WORDS)}`,
      editors: [`${pick(random, GIVEN)} ${pick(random, FAMILY)}`],
      publisher: pick(random, PUBLISHERS),
      pages: pages(),
    };
  }
  return random() < 0.5
    ? { type: 'thesis', genre: 'PhD thesis', publisher: pick(random, UNIVERSITIES) }
    : { type: 'report', genre: 'Technical report', number: `TR-${index}`, publisher: pick(random, UNIVERSITIES) };
}

/** A front-matter value as YAML: strings quoted (JSON is YAML), lists one item a line. */
function yamlLines(key, value) {
  if (Array.isArray(value)) return [`${key}:`, ...value.map((item) => `  - ${quote(item)}`)];
  return [`${key}: ${typeof value === 'string' ? quote(value) : value}`];
}

/**
 * One synthetic paper as markdown file text (front matter + abstract), on the site's model: a CSL type (journal
 * articles, conference papers, preprints, books, chapters, theses, reports), its venue, a date at the day, month or
 * year, and the site's extras (category, score, code, keywords).
 */
export function makeSyntheticPaper(index, random) {
  const words = Array.from({ length: between(random, 4, 16) }, () => pick(random, WORDS));
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  if (random() < 0.4) words.splice(between(random, 1, words.length - 1), 0, pick(random, TITLE_EXTRAS));
  const title = `${words.join(' ')}${random() < 0.3 ? `: ${pick(random, WORDS)} ${index}` : ` ${index}`}`;
  const authors = Array.from({ length: between(random, 1, 12) }, () =>
    random() < 0.15 ? pick(random, CJK) : `${pick(random, GIVEN)} ${pick(random, FAMILY)}`,
  );
  const date = makeDate(random);
  // Abstract lengths follow the seed's arXiv abstracts (their mean, within arXiv's 1,920-character limit on average):
  // every export, feed and page carries the abstract, so a longer one would inflate every size the bench reports.
  const sentences = Array.from({ length: between(random, 5, 9) }, () => {
    const sentence = Array.from({ length: between(random, 12, 24) }, () => pick(random, WORDS)).join(' ');
    return sentence[0].toUpperCase() + sentence.slice(1) + '.';
  });
  const { type, ...venue } = makeVenue(index, random, date);
  const fields = {
    type,
    title,
    authors,
    authorsTruncated: random() < 0.3,
    date,
    ...venue,
    category: pick(random, CATEGORIES),
  };
  if (random() < 0.2) fields.score = Number((random() * 100).toFixed(1));
  const code = random();
  if (code < 0.15) fields.code = true;
  else if (code < 0.3) fields.code = `https://github.com/synthetic/repo-${index}`;
  if (random() < 0.3)
    fields.keywords = [pick(random, KEYWORDS), pick(random, KEYWORDS)].filter((k, i, all) => all.indexOf(k) === i);
  const lines = ['---', ...Object.entries(fields).flatMap(([key, value]) => yamlLines(key, value)), '---', ''];
  lines.push(sentences.join(' '), '');
  return { id: `synthetic-${String(index).padStart(6, '0')}`, text: lines.join('\n') };
}

/** N synthetic papers, always the same for the same N and seed. */
export function makeSyntheticPapers(count, seed = 42) {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => makeSyntheticPaper(index, random));
}
