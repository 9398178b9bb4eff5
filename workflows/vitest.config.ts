import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tongban's packages are read from their TypeScript sources (package.json "@tongban/source").
  ssr: { resolve: { conditions: ['@tongban/source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
