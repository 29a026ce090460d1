// The signal the search index waits for: a build's citations are settled. The pages and the integrations load
// separate copies of the module, so a copy loaded apart must see what the other one said.
import { describe, expect, it, vi } from 'vitest';

type SignalModule = typeof import('../../src/site/citation-signal');

/** A fresh copy of the module, as Astro's config loader and the page bundle each load their own. */
async function loadCopy(): Promise<SignalModule> {
  vi.resetModules();
  return import('../../src/site/citation-signal');
}

/** Whether a promise has settled by the time the microtasks queued now have run. */
async function isSettled(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('citation signal', () => {
  it('holds the wait from the build start until the citations are settled, across module copies', async () => {
    const integration = await loadCopy();
    const pages = await loadCopy();
    expect(pages).not.toBe(integration);
    integration.resetCitationSignal();
    const waiting = integration.waitForCitations();
    expect(await isSettled(waiting)).toBe(false);
    pages.settleCitations();
    expect(await isSettled(waiting)).toBe(true);
    expect(await isSettled(integration.waitForCitations())).toBe(true);
  });

  it('starts each build waiting again, and settling twice is harmless', async () => {
    const signal = await loadCopy();
    signal.resetCitationSignal();
    signal.settleCitations();
    signal.settleCitations();
    expect(await isSettled(signal.waitForCitations())).toBe(true);
    signal.resetCitationSignal();
    expect(await isSettled(signal.waitForCitations())).toBe(false);
    signal.settleCitations();
  });
});
