// Word boundaries for search in Chinese and Japanese, which are written without spaces between words. The site has
// one search index in its own language (so one search finds every paper, with that language's stemming), and
// Pagefind splits only its zh/ja indexes into words; so each search record (site/search-records.ts) and every query
// are split here instead, the same way on both sides: by the Unicode word segmenter (ICU's dictionary, in Node and
// in browsers).
// Korean separates its words with spaces and needs nothing.

// Han ideographs, kana (half-width too), the iteration mark 々 and the long-vowel mark ー, in runs.
const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u30fc\uff70]+/gu;

// ICU segments Han and kana with one Chinese–Japanese dictionary whatever the locale; one locale keeps both sides alike.
let segmenter: Intl.Segmenter | undefined;

// A superset of those characters by code-unit ranges (Han blocks, kana, their supplements' surrogates): a fast
// pre-check, as most records hold none.
const MAYBE_UNSPACED =
  /[\u2e80-\u2fff\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\ud82c\ud82d\ud840-\ud8bf]/;

/** Whether a text holds Chinese or Japanese that the index splits into words. */
export function hasUnspacedWords(text: string): boolean {
  if (!MAYBE_UNSPACED.test(text)) return false;
  UNSPACED_RUN.lastIndex = 0;
  return UNSPACED_RUN.test(text);
}

/**
 * Puts a space between the words of every Chinese or Japanese run (and around the run), so a search index that
 * splits words on white space sees each word: 稀疏自编码器 → 稀疏 自 编码 器. Other text is left as it is.
 */
export function separateUnspacedWords(text: string): string {
  if (!hasUnspacedWords(text)) return text;
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words = segmenter;
  return text.replace(UNSPACED_RUN, (run, offset: number, whole: string) => {
    const split = [...words.segment(run)].map((part) => part.segment).join(' ');
    // Apart from what it touches (GPT模型 → GPT 模型, 、東京 → 、 東京): the index keeps punctuation in a word.
    const before = offset > 0 && !/\s/.test(whole[offset - 1]) ? ' ' : '';
    const after = offset + run.length < whole.length && !/\s/.test(whole[offset + run.length]) ? ' ' : '';
    return `${before}${split}${after}`;
  });
}

/** A search query as the index was split: Chinese and Japanese words separated, runs of white space as one. */
export function prepareQuery(query: string): string {
  return hasUnspacedWords(query) ? separateUnspacedWords(query).replace(/\s+/g, ' ').trim() : query;
}

// A character the index may have put a space beside: Chinese or Japanese, or their punctuation (。、，「」…).
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fc\uff00-\uffef]/u;

/**
 * Removes the spaces the index put between Chinese or Japanese characters, in a text given in parts (the text nodes
 * of an excerpt around its <mark>s): 本文 <mark>稀疏</mark> 自 → 本文<mark>稀疏</mark>自. Returns the parts.
 */
export function joinUnspacedWords(parts: readonly string[]): string[] {
  const whole = parts.join('');
  const drop = new Set<number>();
  const chars = [...whole];
  // Offsets by UTF-16 unit, as the parts are measured.
  let offset = 0;
  const offsets = chars.map((char) => {
    const at = offset;
    offset += char.length;
    return at;
  });
  chars.forEach((char, index) => {
    if (char === ' ' && UNSPACED_CHAR.test(chars[index - 1] ?? '') && UNSPACED_CHAR.test(chars[index + 1] ?? '')) {
      drop.add(offsets[index]);
    }
  });
  let start = 0;
  return parts.map((part) => {
    let out = '';
    for (let index = 0; index < part.length; index++) if (!drop.has(start + index)) out += part[index];
    start += part.length;
    return out;
  });
}
