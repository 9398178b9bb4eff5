import { useSyncExternalStore } from 'react';

const changeEvent = 'tongban:navigate';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(changeEvent, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(changeEvent, listener);
  };
}

function currentLocation(): string {
  return window.location.pathname + window.location.search;
}

/**
 * Goes to `to` (a path with an optional query) with the History API. The runtime and the Vite dev
 * server both fall back to `index.html`, so every path is also a valid first load.
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentLocation()) return;
  if (options.replace === true) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(changeEvent));
}

/** The current path and query, re-rendering on every navigation. */
export function useLocationPath(): { pathname: string; search: URLSearchParams } {
  const location = useSyncExternalStore(subscribe, currentLocation, currentLocation);
  const [pathname = '/', search = ''] = location.split('?');
  return { pathname, search: new URLSearchParams(search) };
}

/**
 * Matches `pathname` against `pattern` (`/cases/:id`) and returns the decoded parameters, or
 * `null` when it does not match. Pure.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter((part) => part !== '');
  const pathParts = pathname.split('/').filter((part) => part !== '');
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}
