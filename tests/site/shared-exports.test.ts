// The paper exports a build's pages leave for the export files integration: taken only for the same snapshot, once.
import { describe, expect, it } from 'vitest';
import { buildExports, shareExports, takeSharedExports } from '../../src/site/exports';
import { makePapers } from '../helpers/model';

describe('shareExports and takeSharedExports', async () => {
  const papers = await makePapers([
    { frontMatter: { type: 'book', title: 'A book', date: '2024', authors: ['Ann Lee'] } },
  ]);
  const exports = buildExports(papers, { siteFields: false });

  it('hands the exports over for the snapshot they were made from, once', () => {
    shareExports('1700000000000.5', exports);
    expect(takeSharedExports('1700000000000.5')).toBe(exports);
    expect(takeSharedExports('1700000000000.5')).toBeUndefined();
  });

  it('gives nothing for another snapshot (a content sync since), and frees what it held', () => {
    shareExports('1', exports);
    expect(takeSharedExports('2')).toBeUndefined();
    expect(takeSharedExports('1')).toBeUndefined();
  });
});
