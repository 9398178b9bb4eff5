import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** Port of the Tongban API the dev server proxies `/api` to (`TONGBAN_API_PORT`, default 3000). */
const apiPort = process.env.TONGBAN_API_PORT ?? '3000';

/**
 * The console: served by Vite in development (proxying `/api` to a running Tongban), built to
 * `dist/` for the runtime to serve at `/` with a fallback to `index.html`.
 */
export default defineConfig({
  plugins: [react()],
  // Tongban's packages are read from their TypeScript sources (package.json "@tongban/source").
  resolve: { conditions: ['@tongban/source', ...defaultClientConditions] },
  server: {
    proxy: {
      '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 4096,
  },
});
