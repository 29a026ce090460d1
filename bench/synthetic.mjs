// Deterministic synthetic papers for the benchmark: varied titles, unicode names, abstracts of real length.
// Plain JavaScript so `npm run bench` runs it with Node directly; tests/synthetic.test.ts validates its output
// against the real paper schema.

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

/** One synthetic paper as markdown file text (front matter + abstract). */
export function makeSyntheticPaper(index, random) {
  const words = Array.from({ length: between(random, 4, 16) }, () => pick(random, WORDS));
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  if (random() < 0.4) words.splice(between(random, 1, words.length - 1), 0, pick(random, TITLE_EXTRAS));
  const title = `${words.join(' ')}${random() < 0.3 ? `: ${pick(random, WORDS)} ${index}` : ` ${index}`}`;
  const authors = Array.from({ length: between(random, 1, 12) }, () =>
    random() < 0.15 ? pick(random, CJK) : `${pick(random, GIVEN)} ${pick(random, FAMILY)}`,
  );
  const date = new Date(Date.UTC(2011, 0, 1) + Math.floor(random() * 15 * 365) * 86_400_000);
  const sentences = Array.from({ length: between(random, 8, 14) }, () => {
    const sentence = Array.from({ length: between(random, 12, 24) }, () => pick(random, WORDS)).join(' ');
    return sentence[0].toUpperCase() + sentence.slice(1) + '.';
  });
  const lines = [
    '---',
    `title: ${quote(title)}`,
    'authors:',
    ...authors.map((name) => `  - ${quote(name)}`),
    `authorsTruncated: ${random() < 0.3}`,
    `date: ${date.toISOString().slice(0, 10)}`,
    `category: ${pick(random, CATEGORIES)}`,
  ];
  if (random() < 0.2) lines.push(`score: ${(random() * 100).toFixed(1)}`);
  if (random() < 0.3) lines.push('code: true');
  lines.push('---', '', sentences.join(' '), '');
  return { id: `synthetic-${String(index).padStart(6, '0')}`, text: lines.join('\n') };
}

/** N synthetic papers, always the same for the same N and seed. */
export function makeSyntheticPapers(count, seed = 42) {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => makeSyntheticPaper(index, random));
}
