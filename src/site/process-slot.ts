// Hand-overs between the page bundle and the integrations. Astro loads the site's modules twice in one build
// process (the page bundle, and its config loader for the integrations), so a module-level variable of one copy is
// not the other's: what one copy leaves for the other lives on the process's global object, under a registered
// symbol that both copies name alike.

/** A value every copy of the site's modules in this process shares, under `name`. */
export interface ProcessSlot<T> {
  get(): T | undefined;
  set(value: T | undefined): void;
}

/** The process-wide slot called `name`. */
export function createProcessSlot<T>(name: string): ProcessSlot<T> {
  const key = Symbol.for(`bibshelf.${name}`);
  const global = globalThis as Record<symbol, T | undefined>;
  return {
    get: () => global[key],
    set: (value) => {
      global[key] = value;
    },
  };
}
