import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { InfraError } from './infra-error.ts';

/** How to launch a local server and how to tell that it is ready. */
export interface ServerProcessOptions {
  /** Short name used in messages, e.g. `PostgreSQL`. */
  name: string;
  command: string;
  args: string[];
  /** Text the server prints (stdout or stderr) once it accepts connections. */
  readyText: string;
  /** The signal that shuts the server down cleanly, e.g. `INT` for PostgreSQL's fast shutdown. */
  stopSignal: 'INT' | 'TERM';
  /** Run as this user and group (only when the current process is root). */
  uid?: number;
  gid?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Give up waiting for `readyText` after this many milliseconds. Default 60 000. */
  readyTimeoutMs?: number;
  /** Receives every line the server prints. */
  onLine?: (line: string) => void;
}

const outputTailLines = 40;

/**
 * A shell that runs the server in the background and sends it the stop signal once its standard
 * input reaches end of file: when Tongban closes the pipe, or when Tongban dies, even by SIGKILL,
 * since the kernel then closes the pipe. So no server outlives the process that started it.
 */
const watchdogScript = '"$@" & server=$!; read -r _; kill -$TONGBAN_STOP_SIGNAL "$server" 2>/dev/null; wait "$server"';

/**
 * A server running as a child process under a watchdog shell, in its own process group so that a
 * Ctrl-C in the terminal reaches only Tongban, which then stops its servers in order.
 */
export class ServerProcess {
  readonly name: string;
  private readonly child: ChildProcess;
  private readonly tail: string[];
  private readonly exited: Promise<void>;

  private constructor(name: string, child: ChildProcess, tail: string[], exited: Promise<void>) {
    this.name = name;
    this.child = child;
    this.tail = tail;
    this.exited = exited;
  }

  /** Spawns the server and resolves once it printed its ready text; rejects with its last output otherwise. */
  static async start(options: ServerProcessOptions): Promise<ServerProcess> {
    const child = spawn('/bin/sh', ['-c', watchdogScript, 'tongban-watchdog', options.command, ...options.args], {
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...(options.env ?? process.env), TONGBAN_STOP_SIGNAL: options.stopSignal },
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    const tail: string[] = [];
    let ready = false;
    let settle: { resolve: () => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined };
    const readyPromise = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const onChunk = (buffered: { text: string }) => (chunk: Buffer) => {
      buffered.text += chunk.toString('utf8');
      const lines = buffered.text.split('\n');
      buffered.text = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > outputTailLines) tail.shift();
        options.onLine?.(line);
        if (!ready && line.includes(options.readyText)) {
          ready = true;
          settle.resolve();
        }
      }
    };
    child.stdout?.on('data', onChunk({ text: '' }));
    child.stderr?.on('data', onChunk({ text: '' }));
    child.stdin?.on('error', () => undefined);
    const exited = new Promise<void>((resolve) => {
      child.once('exit', (code, signal) => {
        if (!ready) {
          settle.reject(
            new InfraError(
              'server-exited',
              `${options.name} exited before it was ready (code ${String(code)}, signal ${String(signal)}):\n${tail.join('\n')}`,
            ),
          );
        }
        resolve();
      });
    });
    child.once('error', (error) => {
      settle.reject(new InfraError('server-spawn-failed', `${options.name} could not be started: ${error.message}`, { cause: error }));
    });
    const timeoutMs = options.readyTimeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      settle.reject(new InfraError('server-not-ready', `${options.name} was not ready after ${timeoutMs} ms:\n${tail.join('\n')}`));
    }, timeoutMs);
    const server = new ServerProcess(options.name, child, tail, exited);
    try {
      await readyPromise;
      return server;
    } catch (error) {
      await server.stop(5_000);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The last lines the server printed, for error messages. */
  output(): string {
    return this.tail.join('\n');
  }

  /** True once the watchdog (and so the server) has exited. */
  get stopped(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /**
   * Sends the stop signal (by closing the watchdog's input), waits up to `graceMs` for the server to
   * exit, then kills its process group. Resolves once it is gone.
   */
  async stop(graceMs: number): Promise<void> {
    if (this.stopped) return;
    this.child.stdin?.end();
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), graceMs);
    });
    const result = await Promise.race([this.exited.then(() => 'exited' as const), graceOver]);
    clearTimeout(timer);
    if (result === 'timeout' && !this.stopped && this.child.pid !== undefined) {
      process.kill(-this.child.pid, 'SIGKILL');
      await this.exited;
    }
  }
}
