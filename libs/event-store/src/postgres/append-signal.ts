import { randomBytes } from 'node:crypto';
import { Client, type ClientConfig, type Pool } from 'pg';
import { WakeableSleep } from '../wakeable-sleep';

interface Listener {
  /** the dedicated connection, while one is open */
  client: Client | undefined;
  /** connects, listens, and connects again after a back-off until closed */
  loop: Promise<void>;
  sleep: WakeableSleep;
}

/** The channel every Jejak process on one database notifies and listens on. */
export const APPENDED_CHANNEL = 'jejak_appended';

/**
 * What `/health` shows: `idle` until something in the process listens (a process that only writes
 * never does), then `listening`, or `reconnecting` with the error that ended the last connection.
 */
export interface AppendSignalStatus {
  state: 'idle' | 'listening' | 'reconnecting';
  lastError: string | null;
}

export interface AppendSignalOptions {
  /** at most one NOTIFY per this many milliseconds from one process (default 20) */
  minIntervalMs?: number;
  /** first wait before listening again after the listening connection was lost (default 1 s, doubling to 30 s) */
  reconnectMs?: number;
  /** told when listening fails, and when sending starts failing; the poll interval still finds every event */
  onError?: (what: 'notify' | 'listen', err: Error) => void;
}

/**
 * Tells the other processes on the same database that events were appended, and hears them, with
 * PostgreSQL's LISTEN/NOTIFY. A projector or relay in a process of its own, or a case-service
 * replica serving the feed, then reads at once instead of at its next poll.
 *
 * - The NOTIFY is sent after the append has committed, in a transaction of its own: NOTIFY inside
 *   the append would take the cluster-wide notification lock at every commit and serialise the
 *   appends. Its commit does not wait for the disk (nothing is lost if it is: the poll remains).
 * - Notifications are coalesced: at most one per `minIntervalMs` from a process, however many
 *   appends, and one more after the interval if appends came meanwhile. A signal says only "look";
 *   the reader still reads up to the gap-safe horizon and polls as before.
 * - The payload is the sending process's token and the newest position it appended since its last
 *   notification (`<token>:<position>`). A process ignores its own notifications (it has told its own
 *   listeners already); a reader woken before that position is readable looks again soon
 *   (SignalledPosition).
 * - The listening connection is one dedicated client, not a pool connection. Lost, it is opened again
 *   after a back-off, and its listener is told once on every (re)connection, for what it missed.
 */
export class PostgresAppendSignal {
  readonly token = randomBytes(8).toString('hex');
  private readonly minIntervalMs: number;
  private readonly reconnectMs: number;
  private lastSentAt = 0;
  private sending = false;
  private pending = false;
  /** the last NOTIFY failed: the next failures are not told again, until one succeeds */
  private failing = false;
  /** the newest position appended since the last notification went out */
  private unsent: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private listener: Listener | undefined;
  private listening = false;
  private lastError: string | null = null;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly options: AppendSignalOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? 20;
    this.reconnectMs = options.reconnectMs ?? 1000;
  }

  status(): AppendSignalStatus {
    const state = !this.listener ? 'idle' : this.listening ? 'listening' : 'reconnecting';
    return { state, lastError: state === 'listening' ? null : this.lastError };
  }

  /** after a committed append: other processes hear of it, and of its last position, within `minIntervalMs` */
  notify(lastPosition?: number): void {
    if (this.closed) return;
    if (lastPosition !== undefined) this.unsent = Math.max(this.unsent ?? 0, lastPosition);
    if (this.sending || this.timer) {
      this.pending = true;
      return;
    }
    const wait = this.lastSentAt + this.minIntervalMs - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.send();
      }, wait);
      this.timer.unref();
      return;
    }
    this.send();
  }

  private send(): void {
    if (this.closed) return;
    this.sending = true;
    this.pending = false;
    this.lastSentAt = Date.now();
    const payload = `${this.token}:${this.unsent ?? ''}`;
    this.unsent = undefined;
    // one statement, its own transaction: the setting holds until its commit, which then does not wait for the disk
    this.pool
      .query(`SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, $2)`, [APPENDED_CHANNEL, payload])
      .then(
        () => (this.failing = false),
        (err: Error) => {
          if (!this.failing) this.options.onError?.('notify', err);
          this.failing = true;
        },
      )
      .finally(() => {
        this.sending = false;
        if (this.pending) this.notify();
      });
  }

  /** starts listening (once per signal); `heard` is called for other processes' appends, with their last position */
  listen(heard: (lastPosition?: number) => void): void {
    if (this.listener || this.closed) return;
    const sleep = new WakeableSleep();
    const listener: Listener = { client: undefined, sleep, loop: Promise.resolve() };
    this.listener = listener;
    listener.loop = (async () => {
      let backoff = 0;
      while (!this.closed) {
        const lost = await this.listenOnce(listener, heard).catch((err: Error) => err);
        this.listening = false;
        if (this.closed) break;
        this.lastError = lost.message;
        this.options.onError?.('listen', lost);
        if (lost instanceof ListenedLongEnough) backoff = 0;
        backoff = backoff ? Math.min(backoff * 2, 30_000) : this.reconnectMs;
        await sleep.sleep(backoff);
      }
    })();
  }

  /** resolves with the error that ended the connection, once it ends */
  private async listenOnce(listener: Listener, heard: (lastPosition?: number) => void): Promise<Error> {
    const config = (this.pool as Pool & { options: ClientConfig }).options;
    const client = new Client({ ...config, application_name: 'jejak-append-signal' });
    listener.client = client;
    const ended = new Promise<Error>((resolve) => {
      client.on('error', resolve);
      client.on('end', () => resolve(new Error('the listening connection ended')));
    });
    client.on('notification', (n) => {
      if (n.channel !== APPENDED_CHANNEL) return;
      const [token, position] = (n.payload ?? '').split(':');
      if (token !== this.token) heard(position ? Number(position) : undefined);
    });
    const connectedAt = Date.now();
    try {
      await client.connect();
      await client.query(`LISTEN ${APPENDED_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return new Error('closed');
    }
    this.listening = true;
    heard(); // whatever was appended while nobody listened
    const err = await ended;
    await client.end().catch(() => undefined);
    // a connection that served a while starts the back-off from the beginning again
    return Date.now() - connectedAt > 60_000 ? new ListenedLongEnough(err.message) : err;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    const listener = this.listener;
    if (!listener) return;
    listener.sleep.wake();
    await listener.client?.end().catch(() => undefined);
    await listener.loop;
  }
}

/** a lost connection that had listened for over a minute: reconnect without the accumulated back-off */
class ListenedLongEnough extends Error {}
