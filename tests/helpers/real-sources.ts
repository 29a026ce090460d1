// Real bibliographies nobody here wrote, read at test time from the Debian packages scripts/install-system-deps.sh
// installs (never copied into the repository), and the RIS and CSL-JSON that other programs make of them: bibutils
// (biblatex2xml | xml2ris) for RIS, citation-js for CSL-JSON.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';

/** biblatex's own example file (texlive-bibtex-extra): every biblatex entry type and most of its fields. */
export const BIBLATEX_EXAMPLES = '/usr/share/texlive/texmf-dist/bibtex/bib/biblatex/biblatex/biblatex-examples.bib';

/** BibTeX's example file (texlive-base): every BibTeX entry type, minimal and full, crossref, @preamble. */
export const XAMPL = '/usr/share/texlive/texmf-dist/bibtex/bib/base/xampl.bib';

/**
 * Nelson Beebe's bibliographies of TeX, fonts and typesetting (texlive-bibtex-extra): long abstracts in LaTeX,
 * verbatim blocks, \path addresses, @string macros the files never define, braced family names, repeated fields.
 */
export const BEEBE = ['texbook3', 'font', 'typeset'].map(
  (name) => `/usr/share/texlive/texmf-dist/bibtex/bib/beebe/${name}.bib`,
);

const DOC_ROOT = '/usr/share/doc/texlive-doc';

/** Reads a file as UTF-8, or undefined when it is not UTF-8 (the importer refuses such a file whole). */
export function readUtf8(file: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * The example bibliographies of TeX Live's package documentation (economics, law, archaeology, music, physics…):
 * every UTF-8 .bib under /usr/share/doc/texlive-doc but bib2gls's glossaries and figbib's figure lists, which are
 * not bibliographies.
 */
export function docBibliographies(): string[] {
  return (readdirSync(DOC_ROOT, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.bib') && !/bib2gls|figbib/.test(name))
    .map((name) => `${DOC_ROOT}/${name}`)
    .filter((file) => readUtf8(file) !== undefined)
    .sort();
}

/** A short name for a file in test titles and figures: the package folder and the file name. */
export function shortName(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? `${parts.at(-2)}/${basename(file)}` : basename(file);
}

/** The RIS bibutils writes for a BibTeX/biblatex file (its byte-order mark removed, as the importer removes it). */
export function risFromBibtex(file: string): string {
  const xml = spawnSync('biblatex2xml', ['-i', 'utf8', '-o', 'utf8', file], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (xml.status !== 0) throw new Error(`biblatex2xml ${file} failed (is bibutils installed?): ${xml.stderr}`);
  const ris = spawnSync('xml2ris', ['-o', 'utf8'], { input: xml.stdout, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (ris.status !== 0) throw new Error(`xml2ris ${file} failed: ${ris.stderr}`);
  return ris.stdout.replace(/^\uFEFF/, '');
}

/** The CSL-JSON citation-js makes of a BibTeX file, as a JSON array's text. */
export function cslFromBibtex(text: string): string {
  return new Cite(text).format('data') as string;
}
