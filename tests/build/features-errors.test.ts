// Bad images and people stop the real build with a message naming the file and the field (issue 14): a thumbnail
// or photo that is missing, a URL or no image, a spelling two people claim, a profile photo the config names wrongly.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_ROOT, ROOT, buildSite } from '../helpers/build';
import { FEATURES } from '../helpers/features';

const WORK = join(BUILD_ROOT, 'features-errors');

/**
 * Copies the feature fixtures into a fresh folder, lets `change` break them, and builds with a config that reads
 * them from there; returns the build's status and output.
 */
function buildBroken(name: string, change: (dir: string) => void, profile: Record<string, unknown> = {}) {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const folder of ['papers', 'people', 'assets'])
    cpSync(join(FEATURES, folder), join(dir, folder), { recursive: true });
  change(dir);
  const path = (folder: string) => JSON.stringify(relative(ROOT, join(dir, folder)));
  const config = join(dir, 'site.config.mjs');
  writeFileSync(
    config,
    [
      `import lab from ${JSON.stringify(join(FEATURES, 'site.config.mjs'))};`,
      `export default { ...lab, papers: ${path('papers')}, people: ${path('people')}, assets: ${path('assets')},`,
      `  profile: { ...lab.profile, ...${JSON.stringify(profile)} } };`,
    ].join('\n'),
  );
  return {
    ...buildSite({ outDir: join(dir, 'out'), config: relative(ROOT, config) }),
    file: (p: string) => relative(ROOT, join(dir, p)),
  };
}

/** Replaces one front-matter line of a fixture file. */
function edit(dir: string, file: string, from: RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(from.test(text), `${file} has ${from}`).toBe(true);
  writeFileSync(path, text.replace(from, to));
}

describe('build errors of issue 14', () => {
  it('a missing thumbnail names the paper file, the field, and where it was looked for', () => {
    const result = buildBroken('missing-thumbnail', (dir) =>
      edit(dir, 'papers/attention-atlas.md', /^thumbnail: .*$/m, 'thumbnail: nowhere.png'),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`Invalid paper file ${result.file('papers/attention-atlas.md')}`);
    expect(result.output).toContain(
      `thumbnail: no image file "nowhere.png" beside the paper or in ${result.file('assets')}`,
    );
  });

  it('a thumbnail that is a URL or no image file is refused, every file named at once', () => {
    const result = buildBroken('bad-thumbnails', (dir) => {
      edit(dir, 'papers/attention-atlas.md', /^thumbnail: .*$/m, 'thumbnail: https://example.org/atlas.png');
      edit(dir, 'papers/sparse-probing.md', /^thumbnail: .*$/m, 'thumbnail: notes.txt');
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'thumbnail: "https://example.org/atlas.png" is a URL; put the image file beside the file or in the assets folder',
    );
    expect(result.output).toContain(`Invalid paper file ${result.file('papers/sparse-probing.md')}`);
    expect(result.output).toMatch(/thumbnail: "notes\.txt" is not an image Astro can optimise \(use jpg, jpeg, png/);
  });

  it("a person's missing photo and a spelling two people claim name the person files and fields", () => {
    const result = buildBroken('bad-people', (dir) => {
      edit(dir, 'people/amara-okafor.md', /^photo: .*$/m, 'photo: gone.jpg');
      edit(dir, 'people/mei-tanaka.md', /^name: .*$/m, 'name: "Mei Tanaka"\naliases:\n  - "Okafor, A."');
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`Invalid person file ${result.file('people/amara-okafor.md')}`);
    expect(result.output).toContain(
      `photo: no image file "gone.jpg" beside the person file or in ${result.file('assets')}`,
    );
    // The photo problem stops the build first; fixed, the shared spelling is named.
    const again = buildBroken('bad-people-alias', (dir) =>
      edit(dir, 'people/mei-tanaka.md', /^name: .*$/m, 'name: "Mei Tanaka"\naliases:\n  - "Okafor, A."'),
    );
    expect(again.status).not.toBe(0);
    expect(again.output).toContain(`Invalid person file ${again.file('people/mei-tanaka.md')}`);
    expect(again.output).toContain(
      `aliases[0]: "Okafor, A." is also a name of ${again.file('people/amara-okafor.md')}`,
    );
  });

  it('an unknown field or a bad ORCID in a person file is named', () => {
    const result = buildBroken('bad-person-fields', (dir) =>
      edit(dir, 'people/amara-okafor.md', /^orcid: .*$/m, 'orcid: "1234"\nwebsite: https://example.org'),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('orcid: must be an ORCID iD such as 0000-0002-1825-0097');
    expect(result.output).toMatch(/website: unknown field; a person file has name, aliases, orcid/);
  });

  it('a profile photo the config names wrongly names the config file and profile.photo', () => {
    const result = buildBroken('bad-profile-photo', () => {}, { photo: 'portrait.jpg' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`Invalid site config ${result.file('site.config.mjs')}`);
    expect(result.output).toContain(
      `profile.photo: no image file "portrait.jpg" in ${result.file('assets')} or in the project`,
    );
  });

  it('the unbroken copy builds (the failures above are the edits, not the copy)', () => {
    const result = buildBroken('unbroken', () => {});
    expect(result.output).not.toMatch(/Invalid/);
    expect(result.status, result.output).toBe(0);
  });
});
