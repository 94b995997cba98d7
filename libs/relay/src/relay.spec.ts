import { randomUUID } from 'node:crypto';
import { eventStoreMigrations, PostgresEventStore, streamId, type NewEvent } from '@jejak/event-store';
import { runMigrations } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';
import { relayMigrations } from './migrations';
import { Relay, type RelayOptions } from './relay';
import { InMemoryPublisher } from './testing/in-memory.publisher';

function event(type: string, data: Record<string, unknown>): NewEvent {
  return {
    id: randomUUID(), type, schemaVersion: 1, data,
    metadata: { actorId: 'cw-1', actorRole: 'caseworker', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
  };
}

/** A case: registration, then `visits` monitoring visits numbered 1..visits in workersTotal. */
function aCase(entrepreneurId: string, visits: number): NewEvent[] {
  return [
    event('Registered', { entrepreneurId, kecamatanCode: '32.16.01', registeredOn: '2025-01-06', sex: 'F', birthYear: 1990 }),
    ...Array.from({ length: visits }, (_, i) =>
      event('Monitored', { entrepreneurId, visitedOn: '2025-06-10', businessActive: true, workersTotal: i + 1, revenueTrend: 'flat', hasNib: false })),
  ];
}

describe('the relay (real PostgreSQL, in-memory broker behind the publisher port)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  const relays: Relay[] = [];
  const fast: RelayOptions = { batchSize: 7, backoff: { initialMs: 10, maxMs: 80 }, standbyPollMs: 20 };

  beforeEach(async () => {
    db = await createTestDatabase('relay');
    await runMigrations(db.url, [...eventStoreMigrations, ...relayMigrations]);
    pool = db.pool(10);
    store = new PostgresEventStore(pool);
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await store.close();
    await db.drop();
  });

  function relay(publisher: InMemoryPublisher, options: RelayOptions = {}): Relay {
    const r = new Relay(store, pool, publisher, { ...fast, ...options });
    relays.push(r);
    r.start();
    return r;
  }

  async function writeCases(cases: number, visits: number): Promise<{ ids: string[]; head: number }> {
    const ids = Array.from({ length: cases }, () => randomUUID());
    let head = 0;
    await Promise.all(ids.map(async (id) => {
      const events = aCase(id, visits);
      // one append per event, from concurrent writers, so the global order interleaves cases
      for (const [i, e] of events.entries())
        head = Math.max(head, (await store.append(streamId('entrepreneur', id), [e], { expectedVersion: i })).lastPosition);
    }));
    // the last append's position, not headPosition(): another test database's open transaction may hold the safe head back
    return { ids, head };
  }

  it('publishes every event once, in global order, and checkpoints after the acknowledgement', async () => {
    const broker = new InMemoryPublisher();
    const { head } = await writeCases(3, 4);
    const r = relay(broker);
    await r.waitForPosition(head);
    const all = await store.readAll({ limit: 1000 });
    expect(broker.acknowledged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const { rows } = await pool.query('SELECT position FROM relay_checkpoints WHERE name = $1', ['kafka']);
    expect(Number(rows[0].position)).toBe(head);
  });

  it('re-sends, and never skips, when it crashes between the send and the checkpoint', async () => {
    const broker = new InMemoryPublisher();
    const { head } = await writeCases(4, 5);
    let crashedBatch: string[] = [];
    let batches = 0;
    const first = relay(broker);
    await new Promise<void>((crashed) => {
      broker.afterAck = (batch) => {
        if (++batches < 2) return;
        broker.afterAck = null;
        crashedBatch = batch.map((e) => e.id);
        // the process dies after the broker acknowledged the second batch, before its checkpoint
        void first.stop().then(crashed);
      };
    });
    const checkpointAfterCrash = first.status.position;
    expect(crashedBatch.length).toBeGreaterThan(0);

    const second = relay(broker);
    await second.waitForPosition(head);
    const all = (await store.readAll({ limit: 1000 })).map((e) => e.id);
    const delivered = broker.acknowledged.map((e) => e.id);
    expect(new Set(delivered)).toEqual(new Set(all));
    expect(delivered.filter((id, i) => delivered.indexOf(id) !== i)).toEqual(crashedBatch);
    const positions = new Map((await store.readAll({ limit: 1000 })).map((e) => [e.id, e.globalPosition]));
    expect(positions.get(crashedBatch[0])!).toBeGreaterThan(checkpointAfterCrash);
  });

  it('keeps each case in order under concurrent writers', async () => {
    const broker = new InMemoryPublisher();
    const { ids, head } = await writeCases(8, 6);
    await relay(broker).waitForPosition(head);
    for (const id of ids) {
      const ofCase = broker.acknowledged.filter((e) => e.key === id);
      expect(ofCase.map((e) => e.type)).toEqual(['jejak.journey.EntrepreneurRegistered.v1', ...Array(6).fill('jejak.journey.BusinessMonitored.v1')]);
      expect(ofCase.slice(1).map((e) => (e.data as { workersTotal: number }).workersTotal)).toEqual([1, 2, 3, 4, 5, 6]);
    }
  });

  it('backs off exponentially while the broker is down and resumes without loss', async () => {
    const broker = new InMemoryPublisher();
    broker.failNext(5);
    const { head } = await writeCases(2, 3);
    const r = relay(broker, { batchSize: 100 });
    await r.waitForPosition(head);
    const gaps = broker.attempts.slice(1, 6).map((t, i) => t - broker.attempts[i]);
    // 10, 20, 40, 80, 80 ms (capped), minus timer slack
    [10, 20, 40, 80, 80].forEach((expected, i) => expect(gaps[i]).toBeGreaterThanOrEqual(expected - 2));
    const all = (await store.readAll({ limit: 1000 })).map((e) => e.id);
    expect(broker.acknowledged.map((e) => e.id)).toEqual(all);
    expect(r.status).toMatchObject({ failedAttempts: 0, lastError: 'broker unavailable' });
  });

  it('runs one active relay; a standby takes over from the checkpoint when the leader stops', async () => {
    const broker = new InMemoryPublisher();
    const leader = relay(broker);
    const standby = relay(broker);
    const firstBatch = await writeCases(2, 2);
    await Promise.race([leader.waitForPosition(firstBatch.head), standby.waitForPosition(firstBatch.head)]);
    const [active, passive] = leader.status.role === 'leader' ? [leader, standby] : [standby, leader];
    expect(passive.status.role).toBe('standby');
    await active.stop();
    const secondBatch = await writeCases(2, 2);
    await passive.waitForPosition(secondBatch.head);
    const all = (await store.readAll({ limit: 1000 })).map((e) => e.id);
    expect(broker.acknowledged.map((e) => e.id)).toEqual(all);
  });

  it('moves past events that map to no public event', async () => {
    const broker = new InMemoryPublisher();
    const id = randomUUID();
    const r = await store.append(streamId('entrepreneur', id), [event('CaseworkerAssigned', { entrepreneurId: id, caseworkerId: 'cw-2' })], { expectedVersion: 'no_stream' });
    await relay(broker).waitForPosition(r.lastPosition);
    expect(broker.acknowledged).toEqual([]);
  });
});
