/** The oldest Node.js that Astro 7 and Vitest 5 run on. */
export declare const MINIMUM_NODE: string;
/** True when `version` is at least MINIMUM_NODE. */
export declare function isSupportedNode(version: string): boolean;
/** The message shown when the running Node.js is too old. */
export declare function describeOldNode(version: string, execPath: string): string;
