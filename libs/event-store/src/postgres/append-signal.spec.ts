import { runMigrations } from '@jejak/platform';
import { appendSignalConnections, createTestDatabase, eventually, type TestDatabase } from '@jejak/testing';
import { Pool } from 'pg';
import { newEvent, testStream } from '../testing/fixtures';
import { APPENDED_CHANNEL, PostgresAppendSignal } from './append-signal';
import { eventStoreMigrations } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

const listening = appendSignalConnections;

/** Two processes on one database: each has its own pool, store and signal. */
describe('appends heard across processes (LISTEN/NOTIFY)', () => {
  let db: TestDatabase;
  let poolA: Pool;
  let poolB: Pool;
  let a: PostgresEventStore;
  let b: PostgresEventStore;
  const errors: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('append_signal');
    await runMigrations(db.url, eventStoreMigrations);
  });
  beforeEach(() => {
    poolA = db.pool(4);
    poolB = db.pool(4);
    const onError = (what: string, err: Error) => errors.push(`${what}: ${err.message}`);
    a = new PostgresEventStore(poolA, { appendSignal: new PostgresAppendSignal(poolA, { onError }) });
    // a poll a minute apart: only the signal can bring another process's events in time
    b = new PostgresEventStore(poolB, { pollIntervalMs: 60_000, appendSignal: new PostgresAppendSignal(poolB, { onError, reconnectMs: 50 }) });
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    await Promise.all([poolA.end(), poolB.end()]);
    errors.length = 0;
  });
  afterAll(() => db.drop());

  it("tells one process's listeners of another's append, and never tells a process of its own twice", async () => {
    let heardByA = 0;
    let heardByB = 0;
    a.onAppended(() => heardByA++);
    b.onAppended(() => heardByB++);
    expect(await eventually(async () => (await listening(poolA)) === 2)).toBe(true);
    // the connection shows in pg_stat_activity before its LISTEN has run and the listeners are told
    expect(await eventually(() => heardByA >= 1 && heardByB >= 1)).toBe(true);
    heardByA = heardByB = 0; // each was told once on connecting, for what it might have missed

    await a.append(testStream(), [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream' });

    expect(heardByA).toBe(1); // at once, in its own process
    expect(await eventually(() => heardByB === 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect([heardByA, heardByB]).toEqual([1, 1]); // A ignored the notification it sent itself
    expect(errors).toEqual([]);
  });

  it('coalesces many appends into few notifications, the last one after the last append', async () => {
    let heard = 0;
    let heardAt = 0;
    b.onAppended(() => {
      heard++;
      heardAt = Date.now();
    });
    expect(await eventually(async () => (await listening(poolA)) === 1)).toBe(true);
    expect(await eventually(() => heard >= 1)).toBe(true); // told on connecting
    heard = 0;
    const stream = testStream();
    for (let v = 0; v < 50; v++) await a.append(stream, [newEvent('Numbered', { v })], { expectedVersion: v === 0 ? 'no_stream' : v });
    const lastAppendedAt = Date.now();

    expect(await eventually(() => heardAt >= lastAppendedAt)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toBeGreaterThanOrEqual(1);
    expect(heard).toBeLessThan(50);
  });

  it("wakes another process's subscription at once instead of at its next poll, and again soon while the write is not readable yet", async () => {
    const received: number[] = [];
    const start = await a.append(testStream(), [newEvent('Numbered')], { expectedVersion: 'no_stream' });
    const sub = b.subscribeToAll({ after: start.lastPosition, onBatch: async (events) => void received.push(...events.map((e) => e.globalPosition)) });
    try {
      expect(await eventually(async () => (await listening(poolA)) === 1)).toBe(true);
      // an older transaction still running holds the gap-safe horizon below the write
      const older = await poolA.connect();
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      let next: Awaited<ReturnType<PostgresEventStore['append']>>;
      try {
        next = await a.append(testStream(), [newEvent('Numbered')], { expectedVersion: 'no_stream' });
        await new Promise((r) => setTimeout(r, 300));
        expect(received).not.toContain(next.lastPosition);
      } finally {
        await older.query('COMMIT');
        older.release();
      }
      expect(await eventually(() => received.includes(next.lastPosition), 4000)).toBe(true);
    } finally {
      await sub.stop();
    }
  });

  it('listens again after losing its connection, and is told once on reconnecting', async () => {
    const signal = new PostgresAppendSignal(poolB, { reconnectMs: 300 });
    let heard = 0;
    expect(signal.status()).toEqual({ state: 'idle', lastError: null });
    signal.listen(() => heard++);
    expect(await eventually(() => signal.status().state === 'listening')).toBe(true);
    heard = 0;
    await poolA.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'jejak-append-signal' AND datname = current_database()`);

    expect(await eventually(() => signal.status().state === 'reconnecting')).toBe(true);
    expect(signal.status().lastError).toMatch(/terminat/);
    expect(await eventually(() => heard === 1)).toBe(true); // reconnected: told once, for what it may have missed
    expect(signal.status()).toEqual({ state: 'listening', lastError: null });
    await a.append(testStream(), [newEvent('Numbered')], { expectedVersion: 'no_stream' });
    expect(await eventually(() => heard === 2)).toBe(true);
    await signal.close();
  });

  it("keeps a store's listeners told across a lost connection", async () => {
    let heard = 0;
    b.onAppended(() => heard++);
    expect(await eventually(async () => (await listening(poolA)) === 1)).toBe(true);
    // told on connecting: otherwise that call, coming late, passes for the reconnection's below
    expect(await eventually(() => heard >= 1)).toBe(true);
    heard = 0;
    await poolA.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'jejak-append-signal' AND datname = current_database()`);

    expect(await eventually(() => heard === 1)).toBe(true); // reconnected: told once, for what it may have missed
    expect(errors.some((e) => e.startsWith('listen:'))).toBe(true);
    await a.append(testStream(), [newEvent('Numbered')], { expectedVersion: 'no_stream' });
    expect(await eventually(() => heard === 2)).toBe(true);
  });

  it('closes its listening connection with the store, and a store without listeners opens none', async () => {
    b.onAppended(() => undefined);
    expect(await eventually(async () => (await listening(poolA)) === 1)).toBe(true);
    await b.close();
    expect(await eventually(async () => (await listening(poolA)) === 0)).toBe(true);
    await a.append(testStream(), [newEvent('Numbered')], { expectedVersion: 'no_stream' }); // A only sends
    expect(await listening(poolA)).toBe(0);
  });

  it('sends one notification on the channel for appends close together, naming its token and their newest position', async () => {
    // one connection whose sessions wait for the disk at commit
    const own = new Pool({ connectionString: db.url, max: 1, options: '-c synchronous_commit=on' });
    const signal = new PostgresAppendSignal(own);
    const client = await poolB.connect();
    try {
      const payloads: string[] = [];
      client.on('notification', (n) => n.channel === APPENDED_CHANNEL && payloads.push(n.payload ?? ''));
      await client.query(`LISTEN ${APPENDED_CHANNEL}`);
      signal.notify(1_000_007);
      signal.notify(1_000_009); // within the interval: sent after it, with the one before it
      signal.notify(1_000_008);
      expect(await eventually(() => payloads.length === 2)).toBe(true);
      expect(payloads).toEqual([`${signal.token}:1000007`, `${signal.token}:1000009`]);
      // only its own commit skipped the wait for the disk: the connection keeps its setting
      expect((await own.query(`SHOW synchronous_commit`)).rows[0].synchronous_commit).toBe('on');
    } finally {
      await client.query(`UNLISTEN ${APPENDED_CHANNEL}`);
      client.release();
      await signal.close();
      await own.end();
    }
  });
});
