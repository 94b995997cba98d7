import { randomUUID } from 'node:crypto';
import { runMigrations } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';
import { personalDataMigrations } from '../migrations';
import { ProcessingTrail, type RecordedRead } from './processing-trail';

describe('the processing trail of reads', () => {
  let db: TestDatabase;
  let pool: Pool;
  let trail: ProcessingTrail;
  const read = (purpose: string, correlationId: string = randomUUID()) => ({ purpose, actorId: 'cw-ani', actorRole: 'caseworker', correlationId });

  beforeAll(async () => {
    db = await createTestDatabase('trail');
    await runMigrations(db.url, personalDataMigrations);
    pool = db.pool(2);
    trail = new ProcessingTrail(pool);
  });
  afterAll(() => db.drop());

  it('records each person once per read, ids and codes only, at the database’s time in milliseconds', async () => {
    const [siti, budi] = [randomUUID(), randomUUID()];
    const before = Date.now();
    await trail.recordReads(read('caseload.list', 'corr-1'), [siti, budi, siti]);
    const [mine] = await trail.readsOf(siti, { limit: 10 });
    expect(mine).toEqual({ readId: expect.any(Number), subjectId: siti, readAt: expect.any(Date), purpose: 'caseload.list', actorId: 'cw-ani', actorRole: 'caseworker', correlationId: 'corr-1' });
    expect(mine.readAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(await trail.readsOf(budi, { limit: 10 })).toHaveLength(1);
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n, bool_and(read_at = date_trunc('milliseconds', read_at)) AS whole_ms FROM personal_data_reads WHERE correlation_id = 'corr-1'`,
    );
    expect(rows[0]).toEqual({ n: 2, whole_ms: true });
  });

  it('writes nothing when a response showed nobody', async () => {
    const { rows: [{ n: before }] } = await pool.query('SELECT count(*)::int AS n FROM personal_data_reads');
    await trail.recordReads(read('caseload.list'), []);
    expect((await pool.query('SELECT count(*)::int AS n FROM personal_data_reads')).rows[0].n).toBe(before);
  });

  it('pages one person’s reads in time order, reads of the same millisecond by id, without repeating or skipping', async () => {
    const person = randomUUID();
    // three reads in one millisecond and one earlier, inserted out of order
    await pool.query(
      `INSERT INTO personal_data_reads (subject_id, read_at, actor_id, actor_role, purpose, correlation_id)
       SELECT $1, t::timestamptz, 'aud-1', 'auditor', p, p FROM unnest($2::text[], $3::text[]) AS u(t, p)`,
      [person, ['2024-06-01T08:00:00.010Z', '2024-06-01T08:00:00.010Z', '2024-06-01T08:00:00.005Z', '2024-06-01T08:00:00.010Z'], ['b', 'c', 'a', 'd']],
    );
    const seen: RecordedRead[] = [];
    for (let page = await trail.readsOf(person, { limit: 1 }); page.length > 0; ) {
      seen.push(...page);
      const last = page[page.length - 1];
      page = await trail.readsOf(person, { after: { readAt: last.readAt, readId: last.readId }, limit: 1 });
    }
    expect(seen.map((r) => r.purpose)).toEqual(['a', 'b', 'c', 'd']);
  });
});
