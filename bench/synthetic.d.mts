/** A seeded PRNG returning numbers in [0, 1). */
export declare function createRandom(seed?: number): () => number;
/** One synthetic paper as markdown file text. */
export declare function makeSyntheticPaper(index: number, random: () => number): { id: string; text: string };
/** N synthetic papers, deterministic for the same N and seed. */
export declare function makeSyntheticPapers(count: number, seed?: number): { id: string; text: string }[];
