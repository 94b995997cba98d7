import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ChildProjector {
  process: ChildProcess;
  lines: string[];
  /** resolves with the time the first line matching `pattern` arrived */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<number>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** starts testing/projector-child.ts as a real Node process (TypeScript through ts-register.js) */
export function startChildProjector(env: Record<string, string>): ChildProjector {
  const child = spawn(process.execPath, ['-r', join(__dirname, 'ts-register.js'), join(__dirname, 'projector-child.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const arrivals: number[] = [];
  const listeners = new Set<() => void>();
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      arrivals.push(Date.now());
    }
    for (const l of listeners) l();
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    lines,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const i = lines.findIndex((l) => pattern.test(l));
          if (i < 0) return;
          cleanup();
          resolve(arrivals[i]);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`child never printed ${pattern}; stdout: ${lines.slice(-5).join(' / ')}; stderr: ${stderr.slice(-2000)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
