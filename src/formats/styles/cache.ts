// A content-addressed store of formatted citations: one JSON file per style, named by a hash of everything that
// decides the output except the item (style, locales, engine, post-processing), holding entries keyed by a hash
// of the item's CSL-JSON. A changed item has a new key, a changed style or engine a new file, so nothing is ever
// invalidated by hand. Files are written whole to a temporary name and renamed (atomic on one file system), and an
// unreadable or malformed file counts as empty: the cache can only make a build faster, never fail it.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bumped when the file layout changes. */
const FORMAT = 1;

/** A short hash (128 bits, base64url) of a string. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** The cached citations of one style: the entries read from disk and the ones used or added in this run. */
export class StyleCache {
  private readonly stored: Map<string, string>;
  private readonly used = new Map<string, string>();
  private readonly file: string | undefined;
  /** How many entries the file holds: `used` only grows from it and from `set`, so equal sizes mean equal files. */
  private onDisk: number;
  private dirty = false;

  /** Reads the cache of one style (`key` = hash of style, locales and engine); no `dir` means no caching. */
  constructor(
    private readonly dir: string | undefined,
    private readonly prefix: string,
    private readonly key: string,
  ) {
    this.file = dir ? join(dir, `${prefix}.${key.slice(0, 16)}.json`) : undefined;
    this.stored = this.file ? readEntries(this.file, key) : new Map();
    this.onDisk = this.stored.size;
  }

  /** The cached citation of an item (by the hash of its CSL-JSON). */
  get(itemHash: string): string | undefined {
    const used = this.used.get(itemHash);
    if (used !== undefined) return used;
    const stored = this.stored.get(itemHash);
    if (stored !== undefined) this.used.set(itemHash, stored);
    return stored;
  }

  /** Records a newly formatted citation. */
  set(itemHash: string, html: string): void {
    this.used.set(itemHash, html);
    this.dirty = true;
  }

  /**
   * Writes the entries used in this run (hits and new ones), so entries of deleted or changed items drop out,
   * and removes this style's files of other keys (an older style or engine version).
   */
  save(): void {
    if (!this.dir || !this.file || (!this.dirty && this.used.size === this.onDisk)) return;
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temporary, JSON.stringify({ format: FORMAT, key: this.key, entries: Object.fromEntries(this.used) }));
    renameSync(temporary, this.file);
    this.dirty = false;
    this.onDisk = this.used.size;
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith(`${this.prefix}.`) && name.endsWith('.json') && join(this.dir, name) !== this.file) {
        rmSync(join(this.dir, name), { force: true });
      }
    }
  }
}

/** The entries of a cache file, or none if it is missing, unreadable, malformed or of another key. */
function readEntries(file: string, key: string): Map<string, string> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; key?: unknown; entries?: unknown };
    if (data.format !== FORMAT || data.key !== key || !data.entries || typeof data.entries !== 'object') {
      return new Map();
    }
    const entries = new Map<string, string>();
    for (const [hash, html] of Object.entries(data.entries)) if (typeof html === 'string') entries.set(hash, html);
    return entries;
  } catch {
    return new Map();
  }
}
