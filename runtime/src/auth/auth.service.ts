import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { departments, jurisdictions, sessions, users } from '../db/schema/index.ts';
import { hashPassword, verifyPassword } from '../infra/password.ts';
import type { Viewer } from '../organisation/index.ts';
import { InvalidCredentialsError, UnauthenticatedError } from './errors/index.ts';
import { hashToken, newSessionToken } from './session-token.ts';

/** 12 hours: how long a bearer token lives unless configured otherwise. */
export const DEFAULT_TOKEN_TTL_MINUTES = 720;

/** A user as the API shows them: who they are, their department, its jurisdiction, their roles. */
export interface UserProfile {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  department: { id: string; kind: string; name: string; jurisdictionId: string };
  jurisdiction: { id: string; name: string; level: string; parentId: string | null };
}

/** What a successful login returns. */
export interface LoginResult {
  /** The bearer token; only its SHA-256 is stored. */
  token: string;
  expiresAt: Date;
  user: UserProfile;
}

/** Options of {@link createAuthService}. */
export interface AuthServiceOptions {
  db: Db;
  /**
   * The wall clock sessions expire on. Sessions never follow a virtual clock: moving simulated
   * time by weeks must not log everyone out.
   */
  now?: () => Date;
  /** Lifetime of a bearer token, in minutes. */
  tokenTtlMinutes?: number;
}

/** The service behind login, logout, `/me` and bearer-token checks. */
export interface AuthService {
  /**
   * Checks a username and password and opens a session.
   * @throws InvalidCredentialsError for an unknown user and for a wrong password alike.
   */
  login(username: string, password: string): Promise<LoginResult>;
  /**
   * The viewer a bearer token stands for.
   * @throws UnauthenticatedError `invalid-token` when the token is unknown or has expired.
   */
  viewerForToken(token: string): Promise<Viewer>;
  /** The profile of user `userId`, or undefined when there is no such user. */
  profile(userId: string): Promise<UserProfile | undefined>;
  /** Ends the session of `token`; an unknown token is ignored. */
  logout(token: string): Promise<void>;
}

/** A password no user has, verified when the username is unknown so both failures take as long. */
let decoyHash: Promise<string> | undefined;

/**
 * Creates the {@link AuthService} on database `db`.
 *
 * - tokens are 32 random bytes; only their SHA-256 is written (`sessions.token_hash`);
 * - a session expires `tokenTtlMinutes` after login, on the wall clock `now`;
 * - a login also deletes that user's expired sessions.
 *
 * @param options.db - The database.
 * @param [options.now=() => new Date()] - The wall clock.
 * @param [options.tokenTtlMinutes=720] - Token lifetime, in minutes.
 * @example
 * ```ts
 * const auth = createAuthService({ db });
 * const { token } = await auth.login('huangpu.intake', 'tongban123');
 * const viewer = await auth.viewerForToken(token);
 * ```
 */
export function createAuthService({
  db,
  now = () => new Date(),
  tokenTtlMinutes = DEFAULT_TOKEN_TTL_MINUTES,
}: AuthServiceOptions): AuthService {
  const selectUser = () =>
    db
      .select({ user: users, department: departments, jurisdiction: jurisdictions })
      .from(users)
      .innerJoin(departments, eq(departments.id, users.departmentId))
      .innerJoin(jurisdictions, eq(jurisdictions.id, departments.jurisdictionId));

  type Row = Awaited<ReturnType<typeof selectUser>>[number];
  const toProfile = ({ user, department, jurisdiction }: Row): UserProfile => ({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: [...user.roles],
    department: {
      id: department.id,
      kind: department.kind,
      name: department.name,
      jurisdictionId: department.jurisdictionId,
    },
    jurisdiction: {
      id: jurisdiction.id,
      name: jurisdiction.name,
      level: jurisdiction.level,
      parentId: jurisdiction.parentId,
    },
  });

  return {
    async login(username, password) {
      const [row] = await selectUser().where(eq(users.username, username));
      decoyHash ??= hashPassword('decoy password of no user');
      const matches = await verifyPassword(password, row?.user.passwordHash ?? (await decoyHash));
      if (!row || !matches) throw new InvalidCredentialsError();
      const createdAt = now();
      const expiresAt = new Date(createdAt.getTime() + tokenTtlMinutes * 60_000);
      const { token, tokenHash } = newSessionToken();
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(and(eq(sessions.userId, row.user.id), lt(sessions.expiresAt, createdAt)));
        await tx.insert(sessions).values({ tokenHash, userId: row.user.id, createdAt, expiresAt });
      });
      return { token, expiresAt, user: toProfile(row) };
    },

    async viewerForToken(token) {
      const [row] = await db
        .select({ user: users, department: departments })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .innerJoin(departments, eq(departments.id, users.departmentId))
        .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now())));
      if (!row) throw new UnauthenticatedError('invalid-token', 'The bearer token is unknown or has expired');
      return {
        kind: 'user',
        userId: row.user.id,
        username: row.user.username,
        departmentId: row.department.id,
        departmentKind: row.department.kind,
        jurisdictionId: row.department.jurisdictionId,
        roles: [...row.user.roles],
      };
    },

    async profile(userId) {
      const [row] = await selectUser().where(eq(users.id, userId));
      return row && toProfile(row);
    },

    async logout(token) {
      await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
    },
  };
}
