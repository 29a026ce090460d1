// The chips' list filter (a progressive enhancement of the home page): pure DOM, run here on linkedom.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { filterList, readFilter } from '../../src/site/list-filter';

const HTML = `
<nav><ul class="year-nav">
  <li data-group-link="year-2024"><a href="#year-2024">2024</a></li>
  <li data-group-link="year-2023"><a href="#year-2023">2023</a></li>
</ul></nav>
<section data-group="year-2024"><ol>
  <li data-category="CL" data-type="preprints">a</li>
  <li data-category="LG" data-type="preprints">b</li>
</ol></section>
<section data-group="year-2023"><ol>
  <li data-category="LG" data-type="books">c</li>
  <li data-category="" data-type="books">d</li>
</ol></section>`;

const visible = (document: Document) =>
  [...document.querySelectorAll<HTMLElement>('li[data-type]')].filter((li) => !li.hidden).map((li) => li.textContent);

describe('readFilter', () => {
  it('takes ?<name>= when it is one of the known values, in any case', () => {
    const known = ['', 'CL', 'LG'];
    expect(readFilter('https://x.org/?category=cl', 'category', known)).toBe('CL');
    expect(readFilter('https://x.org/?category=%20LG%20', 'category', known)).toBe('LG');
    expect(readFilter('https://x.org/?category=physics', 'category', known)).toBe('');
    expect(readFilter('https://x.org/', 'category', known)).toBe('');
  });
});

describe('filterList', () => {
  it('shows only the items of the value and hides groups (and their jump links) left empty', () => {
    const { document } = parseHTML(`<html><body>${HTML}</body></html>`);
    filterList(document, 'category', 'CL');
    expect(visible(document)).toEqual(['a']);
    const section = document.querySelector<HTMLElement>('section[data-group="year-2023"]')!;
    expect(section.hidden).toBe(true);
    expect(document.querySelector<HTMLElement>('[data-group-link="year-2023"]')!.hidden).toBe(true);
    expect(document.querySelector<HTMLElement>('[data-group-link="year-2024"]')!.hidden).toBe(false);
    filterList(document, 'category', 'LG');
    expect(visible(document)).toEqual(['b', 'c']);
    expect(section.hidden).toBe(false);
    filterList(document, 'category', '');
    expect(visible(document)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters on any data attribute (types)', () => {
    const { document } = parseHTML(`<html><body>${HTML}</body></html>`);
    filterList(document, 'type', 'books');
    expect(visible(document)).toEqual(['c', 'd']);
    expect(document.querySelector<HTMLElement>('section[data-group="year-2024"]')!.hidden).toBe(true);
  });
});
