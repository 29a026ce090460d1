import { describe, expect, it } from 'vitest';
import { planHomeYears } from '../src/lib/home';

const years = (sizes: number[]) =>
  sizes.map((size, index) => ({ year: 2026 - index, papers: Array.from({ length: size }) }));

describe('planHomeYears', () => {
  it('lists every year of a small bibliography', () => {
    expect(planHomeYears(years([3, 5, 2]), 300).every((year) => year.listed)).toBe(true);
  });
  it('lists the newest years up to the limit and links the rest', () => {
    expect(planHomeYears(years([200, 90, 50, 10]), 300).map((year) => year.listed)).toEqual([true, true, false, false]);
  });
  it('always lists the newest year, even above the limit', () => {
    expect(planHomeYears(years([700, 10]), 300).map((year) => year.listed)).toEqual([true, false]);
  });
});
