// The bare-Astro baseline of the benchmark: the same paper files, one plain page each, no features.
import { defineConfig } from 'astro/config';

export default defineConfig({ devToolbar: { enabled: false } });
