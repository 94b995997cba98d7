import type { Pool } from 'pg';
import { table } from './bench-kit';

export interface StatementProfile {
  query: string;
  calls: number;
  totalMs: number;
  meanMs: number;
}

/** Only with --profile (pg_stat_statements preloaded, tracking statements nested in plpgsql). */
export async function resetProfile(pool: Pool): Promise<void> {
  await pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await pool.query('SELECT pg_stat_statements_reset(), pg_stat_reset()');
}

/** The statements that took the most server time since the last reset, top level and nested. */
export async function profileCase(pool: Pool): Promise<StatementProfile[]> {
  const { rows } = await pool.query(
    `SELECT regexp_replace(left(query, 90), '\\s+', ' ', 'g') AS query, calls::int, total_exec_time AS total, mean_exec_time AS mean,
            toplevel
       FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND query !~* '^(VACUUM|SELECT pg_stat|CREATE EXTENSION)'
      ORDER BY total_exec_time DESC LIMIT 8`,
  );
  return rows.map((r) => ({ query: `${r.toplevel ? '' : '  (nested) '}${r.query}`, calls: r.calls, totalMs: r.total, meanMs: r.mean }));
}

/** The statements of profileCase as a table for the terminal. */
export function profileTable(profile: readonly StatementProfile[]): string {
  return table(['statement', 'calls', 'total ms', 'mean ms'], profile.map((p) => [p.query, String(p.calls), p.totalMs.toFixed(0), p.meanMs.toFixed(3)]));
}
