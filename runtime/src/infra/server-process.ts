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
  /** Run as this user and group (only when the current process is root). */
  uid?: number;
  gid?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Give up waiting for `readyText` after this many milliseconds. */
  readyTimeoutMs?: number;
  /** Receives every line the server prints. */
  onLine?: (line: string) => void;
}

const outputTailLines = 40;

/**
 * A server running as a child process in its own process group, so a Ctrl-C in the terminal reaches
 * only Tongban, which then stops its servers in order.
 */
export class ServerProcess {
  readonly name: string;
  readonly pid: number;
  private readonly child: ChildProcess;
  private readonly tail: string[];
  private readonly exited: Promise<void>;
  private readonly onProcessExit: () => void;

  private constructor(name: string, child: ChildProcess, tail: string[], exited: Promise<void>) {
    this.name = name;
    this.child = child;
    this.pid = child.pid ?? -1;
    this.tail = tail;
    this.exited = exited;
    this.onProcessExit = () => {
      child.kill('SIGINT');
    };
    process.on('exit', this.onProcessExit);
  }

  /** Spawns the server and resolves once it printed its ready text; rejects with its last output otherwise. */
  static async start(options: ServerProcessOptions): Promise<ServerProcess> {
    const child = spawn(options.command, options.args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    const tail: string[] = [];
    let ready = false;
    let resolveReady: () => void = () => undefined;
    let rejectReady: (error: Error) => void = () => undefined;
    const readyPromise = new Promise<void>((resolve, reject) => {
      resolveReady = resolve;
      rejectReady = reject;
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
          resolveReady();
        }
      }
    };
    child.stdout?.on('data', onChunk({ text: '' }));
    child.stderr?.on('data', onChunk({ text: '' }));
    const exited = new Promise<void>((resolve) => {
      child.once('exit', (code, signal) => {
        if (!ready) {
          rejectReady(
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
      rejectReady(new InfraError('server-spawn-failed', `${options.name} could not be started: ${error.message}`, { cause: error }));
    });
    const timeoutMs = options.readyTimeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      rejectReady(
        new InfraError('server-not-ready', `${options.name} was not ready after ${timeoutMs} ms:\n${tail.join('\n')}`),
      );
    }, timeoutMs);
    const server = new ServerProcess(options.name, child, tail, exited);
    try {
      await readyPromise;
      return server;
    } catch (error) {
      await server.stop('SIGKILL', 5_000);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The last lines the server printed, for error messages. */
  output(): string {
    return this.tail.join('\n');
  }

  /** True once the process has exited. */
  get stopped(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /**
   * Sends `signal`, waits up to `graceMs` for the process to exit, then kills it.
   * Resolves once the process is gone.
   */
  async stop(signal: NodeJS.Signals, graceMs: number): Promise<void> {
    process.off('exit', this.onProcessExit);
    if (this.stopped) return;
    this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), graceMs);
    });
    const result = await Promise.race([this.exited.then(() => 'exited' as const), graceOver]);
    clearTimeout(timer);
    if (result === 'timeout' && !this.stopped) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}
