import { Logger } from '@nestjs/common';
import { Pool } from 'pg';

/**
 * An idle connection the server closes (restart, failover, pg_terminate_backend) is dropped by
 * the pool and replaced on the next query; without a listener its 'error' would kill the process.
 */
export function createPool(connectionString: string, max: number): Pool {
  const pool = new Pool({ connectionString, max });
  const log = new Logger('PostgreSQL');
  pool.on('error', (err) => log.warn(`idle connection lost (${(err as { code?: string }).code ?? err.message}); the pool opens a new one`));
  return pool;
}
