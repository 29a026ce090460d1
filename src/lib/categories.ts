/** arXiv Computer Science categories a paper may carry, keyed by the short code used in front matter. */
export const CATEGORIES = {
  AI: 'Artificial Intelligence',
  AR: 'Hardware Architecture',
  CC: 'Computational Complexity',
  CE: 'Computational Engineering, Finance, and Science',
  CG: 'Computational Geometry',
  CL: 'Computation and Language',
  CR: 'Cryptography and Security',
  CV: 'Computer Vision and Pattern Recognition',
  CY: 'Computers and Society',
  DB: 'Databases',
  DC: 'Distributed, Parallel, and Cluster Computing',
  DL: 'Digital Libraries',
  DM: 'Discrete Mathematics',
  DS: 'Data Structures and Algorithms',
  ET: 'Emerging Technologies',
  FL: 'Formal Languages and Automata Theory',
  GL: 'General Literature',
  GR: 'Graphics',
  GT: 'Computer Science and Game Theory',
  HC: 'Human-Computer Interaction',
  IR: 'Information Retrieval',
  IT: 'Information Theory',
  LG: 'Machine Learning',
  LO: 'Logic in Computer Science',
  MA: 'Multiagent Systems',
  MM: 'Multimedia',
  MS: 'Mathematical Software',
  NA: 'Numerical Analysis',
  NE: 'Neural and Evolutionary Computing',
  NI: 'Networking and Internet Architecture',
  OS: 'Operating Systems',
  PF: 'Performance',
  PL: 'Programming Languages',
  RO: 'Robotics',
  SC: 'Symbolic Computation',
  SD: 'Sound',
  SE: 'Software Engineering',
  SI: 'Social and Information Networks',
  SY: 'Systems and Control',
} as const;

/** A category code as written in front matter, e.g. `CL`. */
export type CategoryCode = keyof typeof CATEGORIES;

/** Every known category code, in alphabetical order. */
export const CATEGORY_CODES = Object.keys(CATEGORIES) as [CategoryCode, ...CategoryCode[]];

/** The readable name of a category, e.g. `Computation and Language` for `CL`. */
export function getCategoryName(code: CategoryCode): string {
  return CATEGORIES[code];
}

/** The arXiv archive-qualified code, e.g. `cs.CL` for `CL`. */
export function getArxivCategory(code: CategoryCode): string {
  return `cs.${code}`;
}
