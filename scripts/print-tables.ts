// npm run tables [-- --write README.md]: prints the field table and the type table as markdown (from
// src/domain/fields.ts and types.ts); with --write, puts them between README.md's table markers (prettier-formatted).
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { TABLE_MARKERS, formatFieldTable, formatTypeTable, replaceBetweenMarkers } from '../src/tools/tables';

const args = process.argv.slice(2);
const writeIndex = args.indexOf('--write');
if (writeIndex >= 0) {
  const file = args[writeIndex + 1] ?? 'README.md';
  let text = readFileSync(file, 'utf8');
  text = replaceBetweenMarkers(text, TABLE_MARKERS.fields, formatFieldTable());
  text = replaceBetweenMarkers(text, TABLE_MARKERS.types, formatTypeTable());
  // Formatted as `npm run lint` wants it (prettier pads table cells).
  writeFileSync(file, await format(text, { ...(await resolveConfig(file)), filepath: file }));
  console.log(`Wrote the field and type tables into ${file}.`);
} else {
  console.log(`## The field table\n\n${formatFieldTable()}\n\n## The type table\n\n${formatTypeTable()}`);
}
