/** The roles a Tongban process plays (DESIGN.md §4). */
export type RoleName = 'start' | 'api' | 'worker';

/** One thing a process needs to do its work; `check` rejects with what is wrong. */
export interface ReadinessCheck {
  /** Short name, e.g. `postgres`, as the `/readyz` answer lists it. */
  name: string;
  check(): Promise<void>;
}

/** The result of one check in a {@link ReadinessReport}. */
export type CheckResult = { status: 'ok' } | { status: 'failed'; message: string };

/** The `/readyz` answer. */
export interface ReadinessReport {
  status: 'ready' | 'not-ready';
  role: RoleName;
  /** Every check by name, `shutdown` first. */
  checks: Record<string, CheckResult>;
  /** The names of the failed checks, in order. */
  failed: string[];
}

/** The `/healthz` answer: the process lives and its event loop turns. */
export interface LivenessReport {
  status: 'ok';
  role: RoleName;
  pid: number;
  /** Seconds since the process started. */
  uptimeSeconds: number;
}

/** Options of {@link Health}. */
export interface HealthOptions {
  role: RoleName;
  checks: readonly ReadinessCheck[];
  /** A check that has not answered after this many milliseconds fails. Default 2 000. */
  timeoutMs?: number;
}

/**
 * What a process says about itself at `/healthz` (alive) and `/readyz` (able to serve: every
 * check passes and it is not shutting down). A shutdown flips readiness first, so a load balancer
 * stops sending work before the listener closes.
 */
export class Health {
  private shuttingDown = false;
  private readonly timeoutMs: number;

  constructor(private readonly options: HealthOptions) {
    this.timeoutMs = options.timeoutMs ?? 2_000;
  }

  /** The role this process plays. */
  get role(): RoleName {
    return this.options.role;
  }

  /** From now on `/readyz` answers 503 naming `shutdown`. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  /** The `/healthz` answer. */
  liveness(): LivenessReport {
    return { status: 'ok', role: this.options.role, pid: process.pid, uptimeSeconds: Math.round(process.uptime()) };
  }

  /** Runs every check at once (each bounded by the timeout) and reports them. */
  async readiness(): Promise<ReadinessReport> {
    const results: [string, CheckResult][] = [
      ['shutdown', this.shuttingDown ? { status: 'failed', message: 'the process is shutting down' } : { status: 'ok' }],
    ];
    results.push(...(await Promise.all(this.options.checks.map(async (c) => [c.name, await this.run(c)] as [string, CheckResult]))));
    const failed = results.filter(([, result]) => result.status === 'failed').map(([name]) => name);
    return { status: failed.length === 0 ? 'ready' : 'not-ready', role: this.options.role, checks: Object.fromEntries(results), failed };
  }

  private async run(readinessCheck: ReadinessCheck): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        readinessCheck.check(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
        }),
      ]);
      return { status: 'ok' };
    } catch (error) {
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
