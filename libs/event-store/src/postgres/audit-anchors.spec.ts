import { createHash } from 'node:crypto';
import { runMigrations } from '@jejak/platform';
import { createTestDatabase, lastCommittedPosition, type TestDatabase } from '@jejak/testing';
import type { Pool, PoolClient } from 'pg';
import { newEvent, testStream } from '../testing/fixtures';
import { AUDIT_SEAL_LOCK, AuditAnchors, type AuditAnchor } from './audit-anchors';
import { eventStoreMigrations } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

interface Log {
  db: TestDatabase;
  pool: Pool;
  store: PostgresEventStore;
  anchors: AuditAnchors;
  close(): Promise<void>;
}

async function freshLog(maxEventsPerAnchor?: number): Promise<Log> {
  const db = await createTestDatabase('audit_anchors');
  await runMigrations(db.url, eventStoreMigrations);
  const pool = db.pool(8);
  const store = new PostgresEventStore(pool);
  return { db, pool, store, anchors: new AuditAnchors(pool, { maxEventsPerAnchor }), close: async () => (await store.close(), await db.drop()) };
}

/** `streams` streams of `perStream` events, appended round-robin so the streams interleave in the global order. */
async function appendInterleaved(store: PostgresEventStore, streams: number, perStream: number): Promise<string[]> {
  const ids = Array.from({ length: streams }, () => testStream());
  for (let v = 0; v < perStream; v++) for (const id of ids) await store.append(id, [newEvent('Numbered', { n: v + 1 })], { expectedVersion: v });
  return ids;
}

/** until every committed event is below the gap-safe horizon (another test file's open transaction may hold it back a moment) */
async function settled(log: Log): Promise<void> {
  const last = await lastCommittedPosition(log.pool);
  for (let i = 0; i < 400 && (await log.store.headPosition()) < last; i++) await new Promise((r) => setTimeout(r, 25));
}

async function asSuperuser(pool: Pool, table: 'events' | 'audit_anchors', work: (c: PoolClient) => Promise<unknown>): Promise<void> {
  const trigger = table === 'events' ? 'events_no_update_delete' : 'audit_anchors_no_update_delete';
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    await work(c);
    await c.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    await c.query('COMMIT');
  } finally {
    c.release();
  }
}

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const int8 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};

describe('audit anchors: sealing', () => {
  let log: Log;
  beforeAll(async () => {
    log = await freshLog(10);
  });
  afterAll(() => log.close());

  it('seals nothing while the log is empty', async () => {
    expect(await log.anchors.seal()).toEqual([]);
    expect(await log.anchors.verify()).toEqual({
      valid: true, checkedAnchors: 0, checkedEvents: 0, firstBrokenAnchor: null, firstBrokenPosition: null, reason: null, latest: null,
    });
  });

  it('seals 25 events into anchors of at most 10, each chained to the one before, with the digests ADR 0009 defines', async () => {
    await appendInterleaved(log.store, 5, 5);
    await settled(log);
    const sealed = await log.anchors.seal();

    expect(sealed.map((a) => [a.anchorNumber, a.eventCount])).toEqual([[1, 10], [2, 10], [3, 5]]);
    const { rows } = await log.pool.query('SELECT global_position, hash FROM events ORDER BY global_position');
    let previous: AuditAnchor | null = null;
    for (const a of sealed) {
      const covered = rows.filter((r) => Number(r.global_position) > a.fromPosition && Number(r.global_position) <= a.toPosition);
      const eventsDigest = sha256(...covered.map((r) => r.hash as Buffer));
      const prior = previous ? Buffer.from(previous.digest, 'hex') : Buffer.alloc(0);
      expect(a).toMatchObject({
        fromPosition: previous?.toPosition ?? 0,
        toPosition: Number(covered.at(-1).global_position),
        eventCount: covered.length,
        eventsDigest: eventsDigest.toString('hex'),
        previousDigest: previous?.digest ?? null,
        digest: sha256(prior, int8(a.toPosition), int8(a.eventCount), eventsDigest).toString('hex'),
      });
      previous = a;
    }
    expect(sealed.at(-1)!.toPosition).toBe(Number(rows.at(-1).global_position));
  });

  it('verifies every anchor, or one, and names the newest for the auditor to write down', async () => {
    const [, , third] = await log.anchors.list();
    const latest = { anchorNumber: 3, toPosition: third.toPosition, digest: third.digest };
    expect(await log.anchors.verify()).toEqual({ valid: true, checkedAnchors: 3, checkedEvents: 25, firstBrokenAnchor: null, firstBrokenPosition: null, reason: null, latest });
    expect(await log.anchors.verify(2)).toMatchObject({ valid: true, checkedAnchors: 1, checkedEvents: 10, latest: { anchorNumber: 2 } });
    await expect(log.anchors.verify(4)).rejects.toMatchObject({ code: 'AUDIT.ANCHOR_NOT_FOUND', anchorNumber: 4 });
  });

  it('adds nothing when nothing new was written, and only the new events next time', async () => {
    expect(await log.anchors.seal()).toEqual([]);
    await appendInterleaved(log.store, 1, 3);
    await settled(log);
    expect(await log.anchors.seal()).toMatchObject([{ anchorNumber: 4, eventCount: 3 }]);
    expect((await log.anchors.list(2, 10)).map((a) => a.anchorNumber)).toEqual([3, 4]);
  });

  it('never seals past an event whose transaction is still open, so no event can later appear inside an anchor', async () => {
    const open = await log.pool.connect();
    try {
      await open.query('BEGIN');
      await open.query(`SELECT jejak_append($1, 0, $2, $3, $4, $5::jsonb[], $6::jsonb[], '{}', '{}')`, [
        testStream(), [newEvent().id], ['Late'], [1], ['{}'], [JSON.stringify(newEvent().metadata)],
      ]);
      const later = await log.store.append(testStream(), [newEvent('Early')], { expectedVersion: 'no_stream' });
      const sealed = await log.anchors.seal();
      expect(sealed.every((a) => a.toPosition < later.firstPosition)).toBe(true);
      await open.query('COMMIT');
    } finally {
      open.release();
    }
    await settled(log);
    const next = await log.anchors.seal();
    expect(next.reduce((n, a) => n + a.eventCount, 0)).toBe(2);
    expect(await log.anchors.verify()).toMatchObject({ valid: true, checkedEvents: 30 });
  });
});

describe('audit anchors: two seals at once', () => {
  let log: Log;
  beforeAll(async () => {
    log = await freshLog(5);
    await appendInterleaved(log.store, 10, 5);
    await settled(log);
  });
  afterAll(() => log.close());

  it('do not interleave: one seals everything, the others find nothing new', async () => {
    const results = await Promise.all([log.anchors.seal(), log.anchors.seal(), log.anchors.seal(), log.anchors.seal()]);
    expect(results.flat().map((a) => a.anchorNumber).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    expect(await log.anchors.verify()).toMatchObject({ valid: true, checkedAnchors: 10, checkedEvents: 50 });
  });

  it('trySeal gives way at once while another seal holds the lock; seal waits for it', async () => {
    await appendInterleaved(log.store, 1, 1);
    await settled(log);
    const holder = await log.pool.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, $2)', [...AUDIT_SEAL_LOCK]);
      expect(await log.anchors.trySeal()).toBeNull();
      let done = false;
      const waiting = log.anchors.seal().then((a) => ((done = true), a));
      await new Promise((r) => setTimeout(r, 200));
      expect(done).toBe(false);
      await holder.query('SELECT pg_advisory_unlock($1, $2)', [...AUDIT_SEAL_LOCK]);
      expect(await waiting).toMatchObject([{ anchorNumber: 11, eventCount: 1 }]);
    } finally {
      holder.release();
    }
  });
});

describe('audit anchors: history altered with the trigger switched off', () => {
  let log: Log;
  let streams: string[];
  beforeEach(async () => {
    log = await freshLog(10);
    streams = await appendInterleaved(log.store, 4, 6); // 24 events: anchors 1-10, 11-20, 21-24
    await settled(log);
    await log.anchors.seal();
  });
  afterEach(() => log.close());

  /** the position of a stream's event and the anchor that sealed it */
  async function whereIs(stream: string, version: number): Promise<{ position: number; anchor: number }> {
    const { rows } = await log.pool.query('SELECT global_position FROM events WHERE stream_id = $1 AND stream_version = $2', [stream, version]);
    const position = Number(rows[0].global_position);
    const anchor = (await log.anchors.list()).find((a) => a.fromPosition < position && position <= a.toPosition)!;
    return { position, anchor: anchor.anchorNumber };
  }

  it('an edited event whose stream chain was recomputed passes the stream check but breaks its anchor', async () => {
    const target = streams[1];
    const { anchor } = await whereIs(target, 3);
    await asSuperuser(log.pool, 'events', async (c) => {
      await c.query(`UPDATE events SET data = '{"n": 300}' WHERE stream_id = $1 AND stream_version = 3`, [target]);
      for (let v = 3; v <= 6; v++)
        await c.query(
          `UPDATE events e SET hash = jejak_event_hash((SELECT p.hash FROM events p WHERE p.stream_id = e.stream_id AND p.stream_version = e.stream_version - 1),
             stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at)
           WHERE stream_id = $1 AND stream_version = $2`,
          [target, v],
        );
    });
    expect(await log.store.verifyStream(target)).toMatchObject({ valid: true, checkedEvents: 6 });

    const result = await log.anchors.verify();
    expect(result).toMatchObject({ valid: false, firstBrokenAnchor: anchor, firstBrokenPosition: null, checkedAnchors: anchor });
    expect(result.reason).toBe(`the events in the range of anchor ${anchor} are not those sealed: their hashes differ`);
    expect(await log.anchors.verify(anchor)).toMatchObject({ valid: false, firstBrokenAnchor: anchor });
  });

  it("removing a stream's newest event breaks the anchor that sealed it, though the stream's chain is still whole", async () => {
    const target = streams[0];
    const { anchor } = await whereIs(target, 6);
    await asSuperuser(log.pool, 'events', (c) => c.query('DELETE FROM events WHERE stream_id = $1 AND stream_version = 6', [target]));
    expect(await log.store.verifyStream(target)).toMatchObject({ valid: true, checkedEvents: 5 });

    const result = await log.anchors.verify();
    expect(result).toMatchObject({ valid: false, firstBrokenAnchor: anchor, firstBrokenPosition: null });
    expect(result.reason).toMatch(new RegExp(`^anchor ${anchor} sealed \\d+ events, its range now holds \\d+$`));
  });

  it('an edited event whose hash was left alone is named by its position', async () => {
    const target = streams[2];
    const { position, anchor } = await whereIs(target, 2);
    await asSuperuser(log.pool, 'events', (c) => c.query(`UPDATE events SET data = '{"n": 200}' WHERE stream_id = $1 AND stream_version = 2`, [target]));

    expect(await log.anchors.verify()).toEqual(expect.objectContaining({
      valid: false, firstBrokenAnchor: anchor, firstBrokenPosition: position,
      reason: `event ${position} (${target} version 2): its content does not match its stored hash`,
    }));
  });

  it('an event removed from the middle of a stream leaves the next one without its predecessor', async () => {
    const target = streams[3];
    const next = await whereIs(target, 5);
    await asSuperuser(log.pool, 'events', (c) => c.query('DELETE FROM events WHERE stream_id = $1 AND stream_version = 4', [target]));

    const result = await log.anchors.verify();
    expect(result.valid).toBe(false);
    expect(result.firstBrokenAnchor).toBeLessThanOrEqual(next.anchor);
    expect((await log.anchors.verify(next.anchor)).reason).toBe(`event ${next.position} (${target} version 5): version 4 of its stream is missing`);
  });

  it('an anchor removed from the chain is noticed at the next one', async () => {
    await asSuperuser(log.pool, 'audit_anchors', (c) => c.query('DELETE FROM audit_anchors WHERE anchor_number = 2'));
    expect(await log.anchors.verify()).toMatchObject({ valid: false, checkedAnchors: 2, firstBrokenAnchor: 3, reason: 'anchor 2 is missing' });
    expect(await log.anchors.verify(3)).toMatchObject({ valid: false, firstBrokenAnchor: 3, reason: 'anchor 2 is missing' });
  });

  it.each([
    ['UPDATE', `UPDATE audit_anchors SET event_count = 1 WHERE anchor_number = 1`],
    ['DELETE', `DELETE FROM audit_anchors WHERE anchor_number = 3`],
    ['TRUNCATE', `TRUNCATE audit_anchors`],
  ])('refuses %s on the anchors, even for their owner', async (_op, sql) => {
    await expect(log.pool.query(sql)).rejects.toMatchObject({ code: 'JJ002' });
    expect(await log.anchors.list()).toHaveLength(3);
  });

  it('lets the application role read and append anchors, never change them', async () => {
    const c = await log.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SET LOCAL ROLE jejak_app');
      await expect(c.query('UPDATE audit_anchors SET event_count = 1')).rejects.toMatchObject({ code: '42501' });
      await c.query('ROLLBACK');
    } finally {
      c.release();
    }
  });
});

describe('audit anchors: a process that stops', () => {
  let log: Log;
  beforeAll(async () => {
    log = await freshLog(5);
  });
  afterAll(() => log.close());

  it('trySeal ends its round after the anchor under way when the process is stopping; the next round seals the rest', async () => {
    await appendInterleaved(log.store, 3, 4);
    await settled(log);
    let asked = 0;
    // stopping from the second question on: one anchor of five events, not the three the backlog needs
    const first = await log.anchors.trySeal(() => asked++ > 0);
    expect(first).toHaveLength(1);
    expect(first?.[0]).toMatchObject({ anchorNumber: 1, eventCount: 5 });
    const rest = await log.anchors.trySeal();
    expect(rest?.map((a) => a.eventCount)).toEqual([5, 2]);
  });
});
