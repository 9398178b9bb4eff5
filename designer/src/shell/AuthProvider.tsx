import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { CurrentUser } from '../api/api.types.ts';
import { authToken } from '../api/auth-token.ts';
import { tongbanApi } from '../api/tongban-api.ts';

interface AuthContextValue {
  /** The signed-in user, once `GET /me` answered; `null` when signed out. */
  user: CurrentUser | null;
  /** True while a stored token is being checked against `GET /me`. */
  loading: boolean;
  signIn(username: string, password: string): Promise<CurrentUser>;
  signOut(): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Signs users in and out and holds the current user for {@link useAuth}. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const token = useSyncExternalStore(authToken.subscribe, authToken.get, authToken.get);
  const me = useQuery({
    queryKey: ['me', token],
    queryFn: () => tongbanApi.me(),
    enabled: token !== null,
    staleTime: Infinity,
    retry: false,
  });

  const signIn = useCallback(
    async (username: string, password: string) => {
      const { token: issued } = await tongbanApi.login(username, password);
      authToken.set(issued);
      return queryClient.fetchQuery({ queryKey: ['me', issued], queryFn: () => tongbanApi.me(), staleTime: Infinity });
    },
    [queryClient],
  );

  const signOut = useCallback(() => {
    // The request reads the token before this clears it; a failed logout still signs out here.
    tongbanApi.logout().catch(() => undefined);
    authToken.clear();
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<AuthContextValue>(
    () => ({
      user: token === null ? null : (me.data ?? null),
      loading: token !== null && me.isPending,
      signIn,
      signOut,
    }),
    [token, me.data, me.isPending, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The signed-in user and the sign-in/out actions; only inside {@link AuthProvider}. */
export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (value === null) throw new Error('useAuth is used outside <AuthProvider>');
  return value;
}
