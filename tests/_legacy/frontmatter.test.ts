import { describe, expect, it } from 'vitest';
import { checkCalendarDateText, createIdRegistry, readRawFrontmatterValue } from '../src/lib/frontmatter';

describe('readRawFrontmatterValue', () => {
  const source = '---\ntitle: "x"\ndate: 2024-13-45 # typo\nslug: \'abc\'\n---\ndate: not front matter\n';
  it('reads raw values, without quotes or comments', () => {
    expect(readRawFrontmatterValue(source, 'date')).toBe('2024-13-45');
    expect(readRawFrontmatterValue(source, 'slug')).toBe('abc');
    expect(readRawFrontmatterValue(source, 'missing')).toBeUndefined();
    expect(readRawFrontmatterValue('no front matter', 'date')).toBeUndefined();
  });
});

describe('checkCalendarDateText', () => {
  it('accepts real days and other forms', () => {
    expect(checkCalendarDateText('2024-02-29')).toBeUndefined();
    expect(checkCalendarDateText('2024-05-22T10:00:00Z')).toBeUndefined();
    expect(checkCalendarDateText('')).toBeUndefined();
  });
  it('rejects days YAML would roll over', () => {
    expect(checkCalendarDateText('2023-02-29')).toMatch(/not a real calendar date/);
    expect(checkCalendarDateText('2024-13-45')).toMatch(/"2024-13-45"/);
  });
});

describe('createIdRegistry', () => {
  it('reports a second file claiming the same id, naming the first', () => {
    const ids = createIdRegistry();
    expect(ids.claim('a', 'x/a.md')).toBeUndefined();
    expect(ids.claim('a', 'x/a.md')).toBeUndefined();
    expect(ids.claim('a', 'y/a.md')).toMatch(/duplicate paper id "a", already used by x\/a\.md/);
    ids.reset();
    expect(ids.claim('a', 'y/a.md')).toBeUndefined();
  });
});
