// The peer row of the benchmark: the same synthetic papers built by Hugo (Debian's `hugo`), as a HugoBlox-style
// site would build them: one page per paper, one list page of every paper, and RSS. The layouts are the least Hugo
// needs for that, so the row shows what Hugo itself costs, not a theme.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';

const CONFIG = `baseURL = "https://bench.example.org/"
title = "Bibliography"
disableKinds = ["taxonomy", "term"]
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML", "RSS"]
`;

const LAYOUTS = {
  'layouts/_default/baseof.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>`,
  'layouts/_default/single.html': `{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ delimit .Params.authors ", " }}</p><p>{{ .Params.venue }} · {{ .Date.Format "Jan 2, 2006" }}</p>{{ .Content }}</article>{{ end }}`,
  'layouts/_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> · {{ with .Params.authors }}{{ delimit . ", " }}{{ end }} · {{ .Date.Format "2006" }}</li>{{ end }}</ol>{{ end }}`,
};

/** A name of the model's front matter as text. */
function nameText(name) {
  if (typeof name === 'string') return name;
  if (name.literal) return name.literal;
  return [name.given, name.particle, name.family, name.suffix].filter(Boolean).join(' ');
}

/** Hugo needs a full date: the start of the paper's date, its first day where the paper gives no day. */
function hugoDate(value) {
  const text = String(value ?? '1970')
    .split('/')[0]
    .replace(/~$/, '');
  const [year, month = '01', day = '01'] = text.split('-');
  return `${year}-${month}-${day}`;
}

/** Writes a Hugo site of the paper files of `papersDir` into `siteDir`; returns the number of papers. */
export function writeHugoSite(papersDir, siteDir) {
  const content = join(siteDir, 'content/papers');
  mkdirSync(content, { recursive: true });
  writeFileSync(join(siteDir, 'hugo.toml'), CONFIG);
  for (const [path, text] of Object.entries(LAYOUTS)) {
    mkdirSync(join(siteDir, path, '..'), { recursive: true });
    writeFileSync(join(siteDir, path), text);
  }
  writeFileSync(join(siteDir, 'content/papers/_index.md'), '---\ntitle: Papers\n---\n');
  let count = 0;
  for (const file of readdirSync(papersDir)) {
    const source = readFileSync(join(papersDir, file), 'utf8');
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    if (yaml === undefined) continue;
    const data = load(yaml, { schema: CORE_SCHEMA });
    const front = {
      title: data.title ?? 'Untitled',
      date: hugoDate(data.date),
      authors: (data.authors ?? []).map(nameText),
      venue: data.containerTitle ?? data.publisher ?? '',
    };
    writeFileSync(join(content, file), `---\n${JSON.stringify(front)}\n---\n${body}`);
    count++;
  }
  return count;
}
