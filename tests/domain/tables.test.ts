import { describe, expect, it } from 'vitest';
import { CSL_DATE_VARIABLES, CSL_NAME_VARIABLES } from '../../src/domain/csl';
import { FIELDS } from '../../src/domain/fields';
import { BIBTEX_SUBTYPES_IN, BIBTEX_TYPES_IN, ITEM_TYPES, RIS_TYPES_IN } from '../../src/domain/types';

describe('the field and type tables', () => {
  it('declare each front-matter key and CSL variable once, and every CSL name and date variable', () => {
    const keys = FIELDS.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    const variables = FIELDS.flatMap((field) => (field.csl ? [field.csl] : []));
    expect(new Set(variables).size).toBe(variables.length);
    for (const variable of [...CSL_NAME_VARIABLES, ...CSL_DATE_VARIABLES]) expect(variables).toContain(variable);
  });

  it('bring every exported type back: BibTeX (with entrysubtype), RIS for the types with a TY of their own', () => {
    for (const type of ITEM_TYPES) {
      const back = type.bibtex.subtype
        ? BIBTEX_SUBTYPES_IN[`${type.bibtex.type}/${type.bibtex.subtype}`]
        : BIBTEX_TYPES_IN[type.bibtex.type];
      expect(back, `${type.csl} via @${type.bibtex.type}`).toBe(type.bibtex.subtype ? type.csl : back);
      expect(RIS_TYPES_IN[type.ris], `${type.csl} via TY ${type.ris}`).toBeDefined();
    }
    const unique = ITEM_TYPES.filter((type) => ITEM_TYPES.filter((other) => other.ris === type.ris).length === 1);
    for (const type of unique) expect(RIS_TYPES_IN[type.ris], type.csl).toBe(type.csl);
    expect(new Set(ITEM_TYPES.map((type) => type.slug)).size).toBe(ITEM_TYPES.length);
  });
});
