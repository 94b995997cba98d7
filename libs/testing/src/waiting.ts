import type { Pool } from 'pg';

/** Waits up to `ms` for `done`, looking every 20 ms; returns whether it came true. */
export async function eventually(done: () => boolean | Promise<boolean>, ms = 5000): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) if (await done()) return true;
  return done();
}

/** The open LISTEN connections of append signals (ADR 0011) on this database. */
export async function appendSignalConnections(pool: Pick<Pool, 'query'>): Promise<number> {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'jejak-append-signal' AND datname = current_database()`,
  );
  return rows[0].n as number;
}
