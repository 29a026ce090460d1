import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findImageFile, toRelativeImagePath } from '../../src/site/images';
import { listProfileLinks } from '../../src/site/profile';

const root = mkdtempSync(join(tmpdir(), 'bibshelf-images-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'papers/sub'), { recursive: true });
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'papers/sub/fig.png'), '');
writeFileSync(join(root, 'assets/fig.png'), '');
writeFileSync(join(root, 'assets/logo.svg'), '');
const search = { folders: [join(root, 'papers/sub'), join(root, 'assets')], labels: ['beside the paper', 'in assets'] };

describe('images named by files', () => {
  it('are found beside the naming file first, then in the assets folder', () => {
    expect(findImageFile('fig.png', search)).toEqual({ path: join(root, 'papers/sub/fig.png') });
    expect(findImageFile('logo.svg', search)).toEqual({ path: join(root, 'assets/logo.svg') });
  });

  it('are refused when missing, remote, or not an image format, with a message saying why', () => {
    expect(findImageFile('nope.jpg', search)).toEqual({
      error: 'no image file "nope.jpg" beside the paper or in assets',
    });
    expect(findImageFile('https://x.org/a.png', search)).toEqual({
      error: '"https://x.org/a.png" is a URL; put the image file beside the file or in the assets folder',
    });
    expect(findImageFile('paper.pdf', search)).toMatchObject({
      error: expect.stringMatching(/^"paper\.pdf" is not an image/),
    });
  });

  it('are handed to image() relative to the naming file', () => {
    const paper = join(root, 'papers/sub/a.md');
    expect(toRelativeImagePath(join(root, 'papers/sub/fig.png'), paper)).toBe('./fig.png');
    expect(toRelativeImagePath(join(root, 'assets/fig.png'), paper)).toBe('../../assets/fig.png');
    expect(toRelativeImagePath(join(root, 'papers/sub/.hidden.png'), paper)).toBe('./.hidden.png');
  });
});

describe('profile links', () => {
  it('are listed in a fixed order with their addresses', () => {
    expect(listProfileLinks({ homepage: 'https://h.org', email: 'a@b.org', orcid: '0000-0002-1825-0097' })).toEqual([
      { kind: 'email', label: 'Email', url: 'mailto:a@b.org' },
      { kind: 'orcid', label: 'ORCID', url: 'https://orcid.org/0000-0002-1825-0097' },
      { kind: 'homepage', label: 'Homepage', url: 'https://h.org' },
    ]);
    expect(listProfileLinks({})).toEqual([]);
  });
});
