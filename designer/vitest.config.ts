import react from '@vitejs/plugin-react';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // Tongban's packages are read from their TypeScript sources (package.json "@tongban/source").
  resolve: { conditions: ['@tongban/source', ...defaultClientConditions] },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup-dom.ts'],
    testTimeout: 20000,
  },
});
