// Runs the real BibTeX programs on a .bib text: bibtex with plain.bst (every entry cited through \citation{*})
// and biber in tool mode with --validate-datamodel. Each gives its warnings and errors, one per entry problem.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a BibTeX program said about a file. */
export interface ToolReport {
  errors: string[];
  warnings: string[];
  /** The whole log, for failure messages. */
  log: string;
}

/** Runs a function in a fresh temporary folder, removed afterwards. */
function inTempDir<T>(run: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'bibshelf-bibtex-'));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs bibtex (plain.bst) on the file, citing every entry; returns its warnings and errors from the .blg. */
export function runBibtex(bib: string): ToolReport & { bbl: string } {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'refs.bib'), bib);
    writeFileSync(join(dir, 'doc.aux'), '\\relax\n\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n');
    spawnSync('bibtex', ['doc'], { cwd: dir, encoding: 'utf8', env: { ...process.env, openout_any: 'a' } });
    const log = readFileSync(join(dir, 'doc.blg'), 'utf8');
    let bbl = '';
    try {
      bbl = readFileSync(join(dir, 'doc.bbl'), 'utf8');
    } catch {
      bbl = '';
    }
    const lines = log.split('\n');
    const warnings = lines.filter((line) => line.startsWith('Warning--'));
    const errors: string[] = [];
    lines.forEach((line, index) => {
      if (/---line \d+ of file|I was expecting|I'm skipping|Illegal|error message|Sorry---/.test(line)) {
        errors.push([lines[index - 1], line].filter(Boolean).join(' / '));
      }
    });
    return { errors, warnings, log, bbl };
  });
}

/**
 * Typesets a document citing every entry of the file with plain.bst: pdflatex, bibtex, pdflatex, as an author
 * would. Returns LaTeX's errors (its `!` lines, with the line after: where it happened) of the last run.
 */
export function runLatex(bib: string): { errors: string[]; bbl: string; log: string } {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'refs.bib'), bib);
    writeFileSync(
      join(dir, 'doc.tex'),
      '\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\begin{document}\n\\nocite{*}\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n',
    );
    const latex = () =>
      spawnSync('pdflatex', ['-interaction=nonstopmode', '-no-shell-escape', 'doc'], { cwd: dir, encoding: 'utf8' });
    latex();
    spawnSync('bibtex', ['doc'], { cwd: dir, encoding: 'utf8', env: { ...process.env, openout_any: 'a' } });
    latex();
    const log = readFileSync(join(dir, 'doc.log'), 'utf8');
    const lines = log.split('\n');
    const errors = lines.flatMap((line, index) => (line.startsWith('! ') ? [`${line} ${lines[index + 1] ?? ''}`] : []));
    return { errors, bbl: readFileSync(join(dir, 'doc.bbl'), 'utf8'), log };
  });
}

/** Runs `biber --tool --validate-datamodel` on the file; returns its WARN and ERROR lines. */
export function runBiber(bib: string): ToolReport {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'refs.bib'), bib);
    const result = spawnSync('biber', ['--tool', '--validate-datamodel', 'refs.bib'], {
      cwd: dir,
      encoding: 'utf8',
    });
    const log = `${result.stdout}\n${result.stderr}`;
    const lines = log.split('\n');
    return {
      errors: lines.filter((line) => /^(ERROR|FATAL)\b/.test(line)),
      warnings: lines.filter((line) => /^WARN\b/.test(line)),
      log,
    };
  });
}

/** Whether bibtex and biber are installed (scripts/install-system-deps.sh installs them). */
export function haveTools(): boolean {
  try {
    execFileSync('bibtex', ['--version'], { stdio: 'ignore' });
    execFileSync('biber', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
