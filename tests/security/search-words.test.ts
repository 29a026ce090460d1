// The word splitting the search index and the search page share, on its own (the Chromium tests measure the search).
import { describe, expect, it } from 'vitest';
import { hasUnspacedWords, joinUnspacedWords, prepareQuery, separateUnspacedWords } from '../../src/site/search-words';

describe('separateUnspacedWords', () => {
  it('splits Chinese and Japanese runs into words, and sets them apart from what they touch', () => {
    expect(separateUnspacedWords('本文研究稀疏自编码器')).toBe('本文 研究 稀疏 自 编码 器');
    expect(separateUnspacedWords('分析GPT模型。')).toBe('分析 GPT 模型 。');
    expect(separateUnspacedWords('言語モデルの解釈')).toBe('言語 モデル の 解釈');
  });

  it('leaves Latin, Korean and other text as it is', () => {
    for (const text of ['Attention is all you need', '언어 모델의 해석 가능성', 'Ελληνικά, Русский', '']) {
      expect(separateUnspacedWords(text)).toBe(text);
    }
  });

  it('gives a query the same words as the index (the query is split as the page was)', () => {
    const page = separateUnspacedWords('本文研究稀疏自编码器在机器翻译中的应用').split(' ');
    for (const query of ['稀疏自编码器', '机器翻译', '自编码器']) {
      for (const word of prepareQuery(query).split(' ')) expect(page).toContain(word);
    }
    expect(prepareQuery('  attention   models ')).toBe('  attention   models ');
    expect(prepareQuery('"稀疏自编码器"')).toBe('" 稀疏 自 编码 器 "');
  });
});

describe('joinUnspacedWords', () => {
  it('removes the spaces between Chinese or Japanese characters across text nodes, nothing else', () => {
    expect(joinUnspacedWords(['本文 研究 ', '稀疏', ' 自 编码 器 ， 并'])).toEqual([
      '本文研究',
      '稀疏',
      '自编码器，并',
    ]);
    expect(joinUnspacedWords(['GPT 模型', ' and BERT'])).toEqual(['GPT 模型', ' and BERT']);
    expect(joinUnspacedWords(['언어 모델'])).toEqual(['언어 모델']);
    expect(joinUnspacedWords(['𠀀 𠀁'])).toEqual(['𠀀𠀁']);
  });
});

describe('hasUnspacedWords', () => {
  it('finds Han and kana of every block (its quick pre-check is a superset), and nothing else', () => {
    for (const text of ['漢', '㐀', '𠀀', '𰀀', '丽', 'ひらがな', 'カタカナ', 'ｶﾀｶﾅ', '々', 'ㇰ', '𛀁']) {
      expect(hasUnspacedWords(`x ${text} y`), text).toBe(true);
    }
    for (const text of ['Latin', '한국어', 'Ελληνικά', '。、「」', ''])
      expect(hasUnspacedWords(text), text).toBe(false);
  });
});
