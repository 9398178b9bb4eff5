import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Options of {@link consoleRoutes}. */
export interface ConsoleRoutesOptions {
  /** Folder of the built console (Vite's `dist`), holding `index.html`. */
  consoleDir: string;
}

/**
 * Serves the built console: a file of `consoleDir` when the path names one, else `index.html`, so
 * the console's own routes (`/tasks`, `/design/open-restaurant`) survive a reload (SPA fallback).
 * Mount it after the API, whose unknown paths must answer 404 rather than the console.
 */
export function consoleRoutes({ consoleDir }: ConsoleRoutesOptions): Hono {
  const root = path.resolve(consoleDir);
  const app = new Hono();
  app.get('*', serveStatic({ root }));
  app.get('*', serveStatic({ path: path.join(root, 'index.html') }));
  return app;
}
