import { WakeableSleep } from '@jejak/event-store';
import type { Pool, PoolClient } from 'pg';
import type { ProjectionLog } from '../projection';
import { LEADER_LOCK_ID, LOCK_NAMESPACE } from './sql';

export interface LeaderElectionOptions {
  retryMs: number;
  onElected(): Promise<void> | void;
  onDemoted(): Promise<void> | void;
  log?: ProjectionLog;
}

/**
 * One active projector per database: the leader holds a session advisory lock on a connection
 * of its own. PostgreSQL releases it the moment that connection dies (process killed, network
 * cut), and a standby, retrying every `retryMs`, takes over. The leader pings its connection at
 * the same pace, so it notices losing the lock and stops working.
 */
export class LeaderElection {
  private stopped = true;
  private leader = false;
  private loop: Promise<void> | null = null;
  private readonly nap = new WakeableSleep();
  private client: PoolClient | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly options: LeaderElectionOptions,
  ) {}

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.nap.wake();
    await this.loop;
  }

  /** test hook and operator tool: drop the lock connection as if the network had cut it */
  abandonConnection(): void {
    this.client?.release(new Error('leader connection abandoned'));
    this.client = null;
  }

  private async run(): Promise<void> {
    const log = this.options.log ?? (() => undefined);
    while (!this.stopped) {
      let lost: Error | undefined;
      try {
        const client = await this.pool.connect();
        this.client = client;
        client.on('error', () => undefined); // a dead lock connection is handled by the ping below
        if (!(await this.campaign(client))) break;
        this.leader = true;
        log('elected projector leader');
        await this.options.onElected();
        while (!this.stopped) {
          await this.sleep(this.options.retryMs);
          if (!this.client) throw new Error('leader connection abandoned');
          await client.query('SELECT 1');
        }
      } catch (err) {
        lost = err as Error;
        if (!this.stopped) log(`leadership connection lost: ${lost.message}`, 'warn');
      } finally {
        await this.resign(lost);
      }
      if (!this.stopped) await this.sleep(this.options.retryMs);
    }
  }

  /** resolves true once the lock is ours, false if stopped first */
  private async campaign(client: PoolClient): Promise<boolean> {
    while (!this.stopped) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_NAMESPACE, LEADER_LOCK_ID]);
      if (rows[0].ok) return true;
      await this.sleep(this.options.retryMs);
    }
    return false;
  }

  private async resign(lost: Error | undefined): Promise<void> {
    const wasLeader = this.leader;
    this.leader = false;
    if (wasLeader) await this.options.onDemoted();
    const client = this.client;
    this.client = null;
    if (!client) return;
    if (!lost && wasLeader) await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, LEADER_LOCK_ID]).catch(() => undefined);
    // Never back to the pool: a connection that might still hold the lock must be closed.
    client.release(true);
  }

  private sleep(ms: number): Promise<void> {
    return this.stopped ? Promise.resolve() : this.nap.sleep(ms);
  }
}
