// README.md's field and type tables are the tables of the code: what `npm run tables` prints from
// src/domain/fields.ts and types.ts, between README's markers (compared cell by cell: prettier pads cells).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/domain/fields';
import { ITEM_TYPES } from '../../src/domain/types';
import {
  TABLE_MARKERS,
  formatFieldTable,
  formatTypeTable,
  readBetweenMarkers,
  replaceBetweenMarkers,
} from '../../src/tools/tables';
import { ROOT } from '../helpers/build';

/** A markdown table as rows of trimmed cells (the separator row's dashes as one). */
const cellsOf = (table: string) =>
  table.split('\n').map((line) =>
    line
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/^-+$/, '---')),
  );

describe('the README tables', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('are the field table and the type table of the code', () => {
    const fields = readBetweenMarkers(readme, TABLE_MARKERS.fields);
    const types = readBetweenMarkers(readme, TABLE_MARKERS.types);
    expect(fields, 'README.md has the fields markers').toBeDefined();
    expect(types, 'README.md has the types markers').toBeDefined();
    expect(cellsOf(fields!), 'run `npm run tables -- --write README.md`').toEqual(cellsOf(formatFieldTable()));
    expect(cellsOf(types!), 'run `npm run tables -- --write README.md`').toEqual(cellsOf(formatTypeTable()));
  });

  it('have a row per field and per type, with each format column of the tables', () => {
    const fieldRows = cellsOf(formatFieldTable()).slice(2);
    expect(fieldRows.map((row) => row[0])).toEqual(FIELDS.map((field) => `\`${field.key}\``));
    const journal = fieldRows.find((row) => row[0] === '`containerTitle`')!;
    expect(journal[4]).toContain('article-journal: `journal`');
    expect(journal[4]).toContain('(reads `journaltitle`)');
    const typeRows = cellsOf(formatTypeTable()).slice(2);
    expect(typeRows).toHaveLength(ITEM_TYPES.length);
    expect(typeRows.find((row) => row[0] === '`article`')).toEqual([
      '`article`',
      'Preprint',
      '`@misc` + `entrysubtype = {preprint}`',
      '`UNPB`',
      '`ScholarlyArticle`',
      '`/types/preprints/`',
    ]);
  });

  it('are what `npm run tables` prints, and a README without markers is an error naming them', () => {
    const env = { ...process.env };
    for (const name of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
    const printed = spawnSync('npm', ['run', '--silent', 'tables'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.stdout).toBe(
      `## The field table\n\n${formatFieldTable()}\n\n## The type table\n\n${formatTypeTable()}\n`,
    );
    expect(() => replaceBetweenMarkers('# README\n', TABLE_MARKERS.fields, 'x')).toThrow(
      'README.md has no <!-- fields:start --> … <!-- fields:end --> section',
    );
  });
});
