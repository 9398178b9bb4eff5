/** Key under which the bearer token is kept in `sessionStorage` (one tab, one sign-in). */
export const tokenStorageKey = 'tongban.token';

type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * The bearer token of the signed-in user, kept in `sessionStorage` so a reload stays signed in.
 * Subscribers hear every change (sign-in, sign-out, a token the API rejected).
 */
export const authToken = {
  get(): string | null {
    return sessionStorage.getItem(tokenStorageKey);
  },
  set(token: string): void {
    sessionStorage.setItem(tokenStorageKey, token);
    listeners.forEach((listener) => listener());
  },
  clear(): void {
    sessionStorage.removeItem(tokenStorageKey);
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
