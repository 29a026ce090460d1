import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: { include: ['tests/**/*.test.ts'], exclude: ['tests/_legacy/**', '**/node_modules/**'], testTimeout: 120000 },
});
