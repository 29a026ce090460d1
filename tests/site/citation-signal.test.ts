// The signal the search index waits for: a build's citations are settled. The pages and the integrations load
// separate copies of the module, so a copy loaded apart must see what the other one said.
import { describe, expect, it } from 'vitest';
import * as integration from '../../src/site/citation-signal';

type SignalModule = typeof integration;

// A second instance of the module, as the page bundle loads its own (the query makes it another module).
const PAGES_COPY = '../../src/site/citation-signal.ts?pages-copy';

/** Whether a promise has settled by the time the microtasks queued now have run. */
async function isSettled(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('citation signal', () => {
  it('holds the wait from the build start until the citations are settled, across module copies', async () => {
    const pages = (await import(/* @vite-ignore */ PAGES_COPY)) as SignalModule;
    expect(pages).not.toBe(integration);
    const signal = integration.resetCitationSignal();
    expect(await isSettled(signal.settled)).toBe(false);
    pages.settleCitations();
    expect(await isSettled(signal.settled)).toBe(true);
  });

  it("starts each build waiting again; a build's own signal stays settled", async () => {
    const first = integration.resetCitationSignal();
    integration.settleCitations();
    integration.settleCitations();
    const second = integration.resetCitationSignal();
    expect(await isSettled(first.settled)).toBe(true);
    expect(await isSettled(second.settled)).toBe(false);
    second.settle();
    expect(await isSettled(second.settled)).toBe(true);
  });
});
