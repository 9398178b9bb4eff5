import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The property tests walk every shipped workflow; on a busy two-core machine one takes seconds.
    testTimeout: 60_000,
  },
});
