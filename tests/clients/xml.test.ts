// Every feed, the feed stylesheet and the sitemap of every test build, through libxml2's xmllint: well-formed XML.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_BASE_DIR, SITE_DIR, TYPED_SITE_DIR } from '../helpers/build';
import { listBuilt } from '../helpers/site';

/** Runs xmllint --noout on files; returns its exit status and what it said. */
function xmllint(files: string[]): { status: number | null; stderr: string } {
  const result = spawnSync('xmllint', ['--noout', ...files], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('the checker itself', () => {
  it('sees a file that is not well-formed', () => {
    const result = spawnSync('xmllint', ['--noout', '-'], { input: '<rss><channel></rss>', encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/mismatch|Opening and ending tag/i);
  });
});

describe.each([SITE_DIR, SITE_BASE_DIR, TYPED_SITE_DIR])('XML files of %s', (dir) => {
  const files = listBuilt(dir).filter((file) => /(^|\/)rss\.xml$|^rss\.xsl$|^sitemap-[\w-]+\.xml$/.test(file));

  it('are all well-formed: every feed, rss.xsl, the sitemap index and sitemap', () => {
    expect(files).toEqual(expect.arrayContaining(['rss.xml', 'rss.xsl', 'sitemap-index.xml', 'sitemap-0.xml']));
    expect(files.filter((file) => file.endsWith('rss.xml')).length).toBeGreaterThan(10);
    expect(xmllint(files.map((file) => join(dir, file)))).toEqual({ status: 0, stderr: '' });
  });
});
