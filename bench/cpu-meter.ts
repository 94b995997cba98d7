import { readdirSync, readFileSync } from 'node:fs';
import type { Pool } from 'pg';

/**
 * CPU seconds spent by the app server, PostgreSQL and the bench (the load generator) between two
 * snapshots, from /proc. On a 2-core machine shared by all three, CPU per command is what bounds
 * throughput: 2 cores / (sum of CPU seconds per command) is the ceiling with nothing else running.
 */
export interface CpuSnapshot {
  server: number;
  postgres: number;
  bench: number;
  at: number;
}

export interface CpuMeter {
  snapshot(): CpuSnapshot;
}

const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  /** utime + stime */
  own: number;
  /** cutime + cstime: children already exited and reaped (PostgreSQL backends that closed) */
  reaped: number;
}

function procStat(pid: number): ProcStat | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name may hold spaces and parentheses: fields start after the last ')'
    const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), own: (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND, reaped: (Number(f[13]) + Number(f[14])) / TICKS_PER_SECOND };
  } catch {
    return undefined; // gone between listing and reading
  }
}

function postgresCpu(postmaster: number): number {
  let total = 0;
  const main = procStat(postmaster);
  if (main) total += main.own + main.reaped;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = procStat(Number(entry));
    if (s && s.ppid === postmaster) total += s.own;
  }
  return total;
}

/** The postmaster is the parent of every backend; the checkpointer is always running. */
async function postmasterPid(pool: Pool): Promise<number | undefined> {
  const { rows } = await pool.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'`);
  return rows.length ? procStat(rows[0].pid)?.ppid : undefined;
}

export async function cpuMeter(pool: Pool, serverPid: number): Promise<CpuMeter> {
  const postmaster = await postmasterPid(pool);
  return {
    snapshot() {
      const bench = process.cpuUsage();
      const server = procStat(serverPid);
      return {
        server: server ? server.own : Number.NaN,
        postgres: postmaster === undefined ? Number.NaN : postgresCpu(postmaster),
        bench: (bench.user + bench.system) / 1e6,
        at: Date.now(),
      };
    },
  };
}

/** CPU milliseconds per operation of each party between two snapshots. */
export function cpuPerOperation(before: CpuSnapshot, after: CpuSnapshot, operations: number): { server: number; postgres: number; bench: number; wallSeconds: number } {
  const per = (a: number, b: number) => ((b - a) * 1000) / Math.max(1, operations);
  return {
    server: per(before.server, after.server),
    postgres: per(before.postgres, after.postgres),
    bench: per(before.bench, after.bench),
    wallSeconds: (after.at - before.at) / 1000,
  };
}

export function describeCpu(c: ReturnType<typeof cpuPerOperation>): string {
  return `CPU per command: server ${c.server.toFixed(2)} ms, PostgreSQL ${c.postgres.toFixed(2)} ms, load generator ${c.bench.toFixed(2)} ms`;
}
