import { describe, expect, it } from 'vitest';
import {
  createPeopleIndex,
  PeopleConflictError,
  personSchema,
  toPersonKey,
  type PersonEntry,
} from '../../src/domain/people';
import { findHighlightedNames, groupByAuthor, hasListExportFiles } from '../../src/site/authors';
import { makePapers } from '../helpers/model';

const person = (file: string, data: Record<string, unknown>): PersonEntry => ({
  id: file.replace(/\..*$/, ''),
  file: `people/${file}`,
  person: personSchema.parse(data),
});

describe('person files', () => {
  it('read every field, an ORCID given as its URL, and default member to false', () => {
    expect(
      personSchema.parse({
        name: 'He, Zhengfu',
        aliases: ['Z. He'],
        orcid: 'https://orcid.org/0000-0002-1825-0097',
        homepage: 'https://example.org/',
        affiliation: ' Fudan   University ',
        photo: 'he.jpg',
      }),
    ).toEqual({
      name: 'He, Zhengfu',
      aliases: ['Z. He'],
      orcid: '0000-0002-1825-0097',
      homepage: 'https://example.org/',
      affiliation: 'Fudan University',
      photo: 'he.jpg',
      member: false,
    });
  });

  it('name every problem by its field', () => {
    const result = personSchema.safeParse({
      name: ' ',
      aliases: ['a, b, c, d'],
      orcid: '1',
      homepage: 'ftp://x',
      x: 1,
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['name', 'custom'],
      ['aliases.0', 'custom'],
      ['orcid', 'invalid_format'],
      ['homepage', 'invalid_format'],
      ['', 'unrecognized_keys'],
    ]);
  });
});

describe('the people index', () => {
  const people = [
    person('amara.md', { name: 'Amara Okafor', aliases: ['A. Okafor', 'Okafor, A.'], member: true }),
    person('erik.yaml', { name: 'Lindqvist, Erik', member: true }),
    person('mei.md', { name: 'Mei Tanaka' }),
  ];
  const index = createPeopleIndex(people);

  it('matches spellings as author lists display names: comma forms and Unicode forms are one', () => {
    expect(toPersonKey('Okafor, A.')).toBe('A. Okafor');
    expect(toPersonKey('Jose\u0301 Garci\u0301a')).toBe(toPersonKey('José García'));
    expect(index.resolve('A. Okafor')).toBe('Amara Okafor');
    expect(index.resolve('Erik Lindqvist')).toBe('Erik Lindqvist');
    expect(index.resolve('Kwame Mensah')).toBe('Kwame Mensah');
    expect(index.find('A. Okafor')?.file).toBe('people/amara.md');
    expect(index.members.map((member) => member.file)).toEqual(['people/amara.md', 'people/erik.yaml']);
  });

  it('merges the author groups of every spelling into the person (one slug, every paper once)', async () => {
    const papers = await makePapers([
      { frontMatter: { title: 'One', authors: ['A. Okafor', 'Mei Tanaka'], date: '2024' } },
      { frontMatter: { title: 'Two', authors: ['Okafor, Amara'], date: '2023' } },
      { frontMatter: { title: 'Three', authors: ['Amara Okafor', 'Okafor, A.'], date: '2022' } },
    ]);
    const authors = groupByAuthor(papers, index.resolve);
    expect(authors.map((author) => [author.name, author.slug, author.papers.map((paper) => paper.csl.title)])).toEqual([
      ['Amara Okafor', 'amara-okafor', ['One', 'Two', 'Three']],
      ['Mei Tanaka', 'mei-tanaka', ['One']],
    ]);
  });

  it("highlights a lab's members or the profile owner, and gives list files to the site's people only", async () => {
    expect([...findHighlightedNames(index, 'lab', 'Okafor Lab')]).toEqual(['Amara Okafor', 'Erik Lindqvist']);
    expect([...findHighlightedNames(index, 'person', 'Okafor, A.')]).toEqual(['Amara Okafor']);
    expect([...findHighlightedNames(index, 'person', 'Zhengfu He')]).toEqual(['Zhengfu He']);
    const papers = await makePapers([
      {
        frontMatter: { title: 'One', authors: ['A. Okafor', 'Mei Tanaka', 'Kwame Mensah', 'Zhengfu He'], date: '2024' },
      },
    ]);
    const files = (mode: 'person' | 'lab', owner: string) =>
      groupByAuthor(papers, index.resolve)
        .filter((author) => hasListExportFiles(author, index, findHighlightedNames(index, mode, owner)))
        .map((author) => author.name);
    // Mei Tanaka has a person file without being a member; Kwame Mensah is a co-author only.
    expect(files('lab', 'Okafor Lab')).toEqual(['Amara Okafor', 'Mei Tanaka']);
    expect(files('person', 'Zhengfu He')).toEqual(['Amara Okafor', 'Mei Tanaka', 'Zhengfu He']);
  });

  it('refuses a spelling two people claim, naming the file and field that claims it again', () => {
    const clash = [...people, person('other.md', { name: 'Ana Okafor', aliases: ['Okafor, A.'] })];
    expect(() => createPeopleIndex(clash)).toThrow(PeopleConflictError);
    try {
      createPeopleIndex(clash);
    } catch (error) {
      expect((error as PeopleConflictError).conflicts).toEqual([
        { file: 'people/other.md', field: 'aliases[0]', message: '"Okafor, A." is also a name of people/amara.md' },
      ]);
    }
  });
});
