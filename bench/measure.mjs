// Measuring helpers for the benchmark: process-tree peak RSS from /proc, folder sizes, a paper page's weight.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Parses `VmRSS:   123 kB` from a /proc/<pid>/status text; returns bytes (0 when absent). */
export function parseRssBytes(status) {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** The pids of `root` and all its descendants, from a list of [pid, ppid] pairs. */
export function collectTree(root, pairs) {
  const children = new Map();
  for (const [pid, ppid] of pairs) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Sum of the resident memory of a process and its descendants right now (Linux /proc). */
function sampleTreeRss(root) {
  const pairs = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      pairs.push([Number(name), ppid]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  let total = 0;
  for (const pid of collectTree(root, pairs)) {
    try {
      total += parseRssBytes(readFileSync(`/proc/${pid}/status`, 'utf8'));
    } catch {
      // Ended meanwhile.
    }
  }
  return total;
}

/**
 * Runs a command, sampling the resident memory of its whole process tree (Pagefind runs as a child binary)
 * every 50 ms. Resolves with wall time, peak RSS and exit status; output goes to `log` (a string array).
 */
export function runMeasured(command, args, options) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = [];
    child.stdout.on('data', (chunk) => log.push(String(chunk)));
    child.stderr.on('data', (chunk) => log.push(String(chunk)));
    let peak = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, sampleTreeRss(child.pid));
    }, 50);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ status, seconds: (performance.now() - started) / 1000, peakRssBytes: peak, log: log.join('') });
    });
  });
}

/** Every file below a folder as { path, bytes } (none when it does not exist). */
export function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else files.push({ path, bytes: statSync(path).size });
  }
  return files;
}

/** Total bytes of the files below a folder (0 when it does not exist). */
export function folderBytes(dir) {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

/** The stylesheets and scripts an HTML page loads or inlines, as { css, js } byte counts (outDir resolves URLs). */
export function pageAssetBytes(html, outDir, base = '/') {
  const local = (url) => join(outDir, url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ''));
  const size = (url) => (existsSync(local(url)) ? statSync(local(url)).size : 0);
  let css = 0;
  let js = 0;
  for (const [, href] of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) css += size(href);
  for (const [, body] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css += Buffer.byteLength(body);
  for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) js += size(src);
  for (const [, attrs, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!/src=|application\/ld\+json/.test(attrs)) js += Buffer.byteLength(body);
  }
  return { css, js };
}

/** Seconds from Astro's `1m 25s` / `50.41s` / `950ms` notation. */
function toSeconds(text) {
  let seconds = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)\s*(ms|m|s)\b/g)) {
    seconds += Number(value) * (unit === 'ms' ? 0.001 : unit === 'm' ? 60 : 1);
  }
  return seconds;
}

/**
 * The phases of an `astro build` log, in seconds: `content` (content sync and type generation), `setup` (that and
 * the build info), `bundle` (Vite's server and client builds), `routes` (rendering every page and endpoint),
 * `exports` (the export files integration), `search` (the Pagefind integration). Missing phases are omitted.
 */
export function parseBuildPhases(log) {
  const text = log.replace(/\x1b\[[0-9;]*m/g, '');
  const phases = {};
  const content = /\[types\] Generated ([\d.]+m?s)/.exec(text);
  if (content) phases.content = toSeconds(content[1]);
  const setup = /\[build\] ✓ Completed in ([^.\n]+(?:\.\d+)?s)\./.exec(text);
  if (setup) phases.setup = toSeconds(setup[1]);
  const bundles = [...text.matchAll(/\[vite\] ✓ built in ([\d.]+m?s)/g)];
  if (bundles.length) phases.bundle = bundles.reduce((sum, [, time]) => sum + toSeconds(time), 0);
  const routes = /generating static routes[\s\S]*?\n[^\n[]*✓ Completed in ([^\n]+?)\.?\n/.exec(text);
  if (routes) phases.routes = toSeconds(routes[1]);
  const exports = /\[bibshelf-exports\][^\n]* in (\d+) ms/.exec(text);
  if (exports) phases.exports = Number(exports[1]) / 1000;
  const search = /\[bibshelf-pagefind\][^\n]* in (\d+) ms/.exec(text);
  if (search) phases.search = Number(search[1]) / 1000;
  return phases;
}

/**
 * Summarizes repeated builds of one kind ({ seconds, peakRssBytes, log } each): the median time (the lower middle
 * one for an even count) with that build's phases, every run's time, and the highest peak RSS.
 */
export function summarizeBuilds(builds) {
  if (builds.length === 0) throw new Error('summarizeBuilds needs at least one build');
  const sorted = [...builds].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return {
    seconds: median.seconds,
    runs: builds.map((build) => build.seconds),
    peakRssBytes: Math.max(...builds.map((build) => build.peakRssBytes)),
    phases: parseBuildPhases(median.log),
  };
}
