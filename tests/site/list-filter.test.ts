import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  countMatches,
  filterList,
  matchesFilters,
  readFilters,
  writeFilters,
  type FilterRow,
} from '../../src/site/list-filter';

const ROWS: FilterRow[] = [
  { name: 'category', attribute: 'category', multiple: false, values: ['CL', 'LG'] },
  { name: 'type', attribute: 'type', multiple: false, values: ['preprints', 'theses'] },
  { name: 'keyword', attribute: 'keywords', multiple: true, values: ['sae', 'circuits'] },
];

const page = () =>
  parseHTML(`<main>
    <nav><ul><li data-group-link="year-2025">2025</li><li data-group-link="year-2024">2024</li></ul></nav>
    <section data-group="year-2025"><ol>
      <li data-id="a" data-category="CL" data-type="preprints" data-keywords="sae circuits"></li>
      <li data-id="b" data-category="LG" data-type="preprints" data-keywords=""></li>
    </ol></section>
    <section data-group="year-2024"><ol>
      <li data-id="c" data-category="LG" data-type="theses" data-keywords="sae"></li>
    </ol></section>
  </main>`).document;

describe('the list filter', () => {
  it('reads known values from the URL (any case), ignores unknown ones, and writes them back', () => {
    expect(readFilters('https://x.org/?category=cl&type=nope&keyword=SAE', ROWS)).toEqual({
      category: 'CL',
      keyword: 'sae',
    });
    expect(writeFilters('https://x.org/?q=1#top', ROWS, { category: 'LG', type: '' })).toBe(
      'https://x.org/?q=1&category=LG#top',
    );
  });

  it('combines rows: an item matches the chosen value of every row (keywords: one of its list)', () => {
    const document = page();
    const [a, b, c] = [...document.querySelectorAll('li[data-id]')];
    expect(matchesFilters(a, ROWS, { category: 'CL', keyword: 'circuits' })).toBe(true);
    expect(matchesFilters(b, ROWS, { category: 'CL' })).toBe(false);
    expect(matchesFilters(c, ROWS, { keyword: 'sae', type: 'theses' })).toBe(true);
    expect(matchesFilters(c, ROWS, {})).toBe(true);
  });

  it('hides what does not match, and groups (with their jump links) left empty', () => {
    const document = page();
    expect(filterList(document, ROWS, { type: 'preprints' })).toEqual(['a', 'b']);
    const hidden = (selector: string) => (document.querySelector(selector) as HTMLElement).hidden;
    expect(hidden('[data-group="year-2024"]')).toBe(true);
    expect(hidden('[data-group-link="year-2024"]')).toBe(true);
    expect(hidden('[data-group="year-2025"]')).toBe(false);
    expect(filterList(document, ROWS, {})).toEqual(['a', 'b', 'c']);
    expect(hidden('[data-group="year-2024"]')).toBe(false);
  });

  it("counts what each chip of a row would show, keeping the other rows' choices", () => {
    const document = page();
    const { all, counts } = countMatches(document, ROWS, { category: 'LG', type: 'preprints' }, ROWS[1]);
    expect(all).toBe(2);
    expect(Object.fromEntries(counts)).toEqual({ preprints: 1, theses: 1 });
    expect(Object.fromEntries(countMatches(document, ROWS, {}, ROWS[2]).counts)).toEqual({ sae: 2, circuits: 1 });
  });
});
