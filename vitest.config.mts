import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // fast-check's seed per test file, written down so that a hang can be replayed
    setupFiles: ['test/setup/fastCheckSeed.ts'],
  },
});
