import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { AuditAnchors, eventStoreMigrations, PostgresEventStore } from '@jejak/event-store';
import { newEvent, testStream } from '@jejak/event-store/testing';
import { runMigrations } from '@jejak/platform';
import { createTestDatabase, lastCommittedPosition, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';

const TS_REGISTER = join(__dirname, '..', 'libs', 'projections', 'src', 'testing', 'ts-register.js');

/** `npm run audit:verify` as the auditor runs it, against a database of the test cluster. */
describe('npm run audit:verify', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let stream: string;
  beforeAll(async () => {
    db = await createTestDatabase('audit_verify');
    await runMigrations(db.url, eventStoreMigrations);
    pool = db.pool(2);
    store = new PostgresEventStore(pool);
    stream = testStream();
    await store.append(stream, [newEvent('Numbered', { n: 1 }), newEvent('Numbered', { n: 2 })], { expectedVersion: 'no_stream' });
    const last = await lastCommittedPosition(pool);
    for (let i = 0; i < 400 && (await store.headPosition()) < last; i++) await new Promise((r) => setTimeout(r, 25));
    await new AuditAnchors(pool).seal();
  });
  afterAll(() => db.drop());

  function verify(...args: string[]): Promise<{ code: number | null; out: string }> {
    const child = spawn(process.execPath, ['-r', TS_REGISTER, join(__dirname, 'audit-verify.ts'), ...args], {
      env: { ...process.env, DATABASE_URL: db.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
  }

  it('says the log is valid and prints the latest anchor for the auditor to record, then checks the record', async () => {
    const [anchor] = await new AuditAnchors(pool).list();
    const first = await verify();
    expect(first.out).toContain('audit anchors: valid (1 anchor, 2 events checked');
    expect(first.out).toContain(`latest anchor: 1, up to global position ${anchor.toPosition}\ndigest: ${anchor.digest}\n`);
    expect(first.code).toBe(0);

    expect(await verify('--anchor', '1', '--digest', anchor.digest)).toMatchObject({ code: 0, out: expect.stringContaining('anchor 1 still has the digest you recorded') });
    expect(await verify('--anchor', '1', '--digest', 'ab'.repeat(32))).toMatchObject({ code: 1, out: expect.stringContaining('RECORD DIFFERS: anchor 1 has digest') });
    expect(await verify('--anchor', '2', '--digest', anchor.digest)).toMatchObject({ code: 1, out: expect.stringContaining('RECORD NOT FOUND: anchor 2 does not exist') });
  }, 60_000);

  it('exits 1 and names the anchor and the event when history was edited', async () => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('ALTER TABLE events DISABLE TRIGGER events_no_update_delete');
      await c.query(`UPDATE events SET data = '{"n": 20}' WHERE stream_id = $1 AND stream_version = 2`, [stream]);
      await c.query('ALTER TABLE events ENABLE TRIGGER events_no_update_delete');
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    const { rows } = await pool.query('SELECT global_position FROM events WHERE stream_id = $1 AND stream_version = 2', [stream]);

    const broken = await verify();
    expect(broken.out).toContain(`audit anchors: BROKEN at anchor 1: event ${rows[0].global_position} (${stream} version 2): its content does not match its stored hash`);
    expect(broken.out).toContain(`event to blame: global position ${rows[0].global_position}`);
    expect(broken.code).toBe(1);
  }, 30_000);
});
