import { randomBytes, randomUUID } from 'node:crypto';
import { eventStoreMigrations, PostgresEventStore } from '@jejak/event-store';
import { personalDataMigrations, PersonalDataVault, secretsOf } from '@jejak/personal-data';
import { runMigrations } from '@jejak/platform';
import { loadProjectionsConfig, ProjectionEngine, projectionsMigrations } from '@jejak/projections';
import { createTestDatabase, type TestDatabase, lastCommittedPosition } from '@jejak/testing';
import type { Pool } from 'pg';
import { personalFieldsOf, type JourneyEvent } from '../domain/events/catalogue';
import { configuredJourneyProjections } from './journey-projections';
import { aPerson, toNewEvent } from './testing/journey-events.fixture';

const ORDER: Record<string, string> = {
  caseload: 'entrepreneur_id',
  timeline: 'global_position',
  group_summary: 'group_id',
  progression_cases: 'entrepreneur_id',
  lanjutan_eligibility: 'entrepreneur_id',
};

/** Every table of the journey read models, row by row as text: equal snapshots mean equal read models. */
async function snapshot(pool: Pool): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, order] of Object.entries(ORDER)) out[table] = (await pool.query(`SELECT t::text AS r FROM ${table} t ORDER BY ${order}`)).rows.map((r) => r.r);
  return out;
}

/** Journeys of every shape (withdrawn, graduated, corrected, erased, in groups), appended in rounds so each case spans many batches. */
function journeys(): { stream: string; events: JourneyEvent[] }[][] {
  const groupId = randomUUID();
  const people = Array.from({ length: 24 }, () => aPerson());
  const rounds: { stream: string; events: JourneyEvent[] }[][] = [
    [
      {
        stream: `group-${groupId}`,
        events: [{ type: 'GroupFormed', data: { groupId, name: 'Kelompok\tResin "Tarumajaya"\n', regionCode: '32.16.01', kecamatanCode: '32.16.01', businessType: 'kerajinan', programme: 'TKM_PEMULA', formedOn: '2024-02-10', maxMembers: 30 } }],
      },
    ],
  ];
  rounds.push(people.map((p, i) => ({ stream: p.stream, events: [p.registered({ fullName: `Siti \\ Aminah ${i}` }), p.assigned(`cw-${i % 3}`)] })));
  rounds.push(people.map((p, i) => ({ stream: p.stream, events: i % 5 === 4 ? [p.withdrawn()] : [p.trained({ title: 'Pelatihan\t"Resin" \\ Art\n' }), p.granted(i % 2 ? { groupId } : {})] })));
  rounds.push(people.filter((_, i) => i % 2).map((p) => ({ stream: `group-${groupId}`, events: [{ type: 'MemberJoined', data: { groupId, entrepreneurId: p.id, joinedOn: '2024-02-11' } }] })));
  rounds.push(people.map((p, i) => ({ stream: p.stream, events: [p.monitored('2024-06-01', { workersTotal: i % 4 }), p.monitored('2024-12-01', { hasNib: i % 3 === 0 })] })));
  rounds.push(people.map((p, i) => ({ stream: p.stream, events: i % 6 === 1 ? [p.graduated()] : i % 6 === 2 ? [p.corrected({ fullName: 'Siti Baru', kecamatanCode: '32.16.02' })] : i % 6 === 3 ? [p.erased()] : [p.monitored('2025-06-01')] })));
  return rounds;
}

describe('Rebuilding the journey read models', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let vault: PersonalDataVault;
  beforeAll(async () => {
    db = await createTestDatabase('jrebuild');
    await runMigrations(db.url, [...eventStoreMigrations, ...personalDataMigrations, ...projectionsMigrations]);
    pool = db.pool(12);
    store = new PostgresEventStore(pool, { pollIntervalMs: 20 });
    const master = randomBytes(32);
    vault = new PersonalDataVault(pool, secretsOf(master));
    await vault.verifyKeys();
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('gives, in several small batches on parallel connections, exactly the tables the live projector built event by event', async () => {
    for (const round of journeys())
      for (const { stream, events } of round) {
        const sealed = [];
        for (const e of events) {
          const subject = stream.startsWith('entrepreneur-') && 'entrepreneurId' in e.data ? e.data.entrepreneurId : undefined;
          sealed.push(toNewEvent({ ...e, data: subject ? await vault.encryptFields(subject, e.data, personalFieldsOf(e.type)) : e.data } as JourneyEvent));
        }
        await store.append(stream, sealed, { expectedVersion: 'any' });
      }
    const head = await lastCommittedPosition(pool);
    const projections = configuredJourneyProjections(vault, {});
    const config = loadProjectionsConfig({}, { pollIntervalMs: 20, leaderRetryMs: 200, batchSize: 7, rebuildBatchSize: 13, rebuildConnections: 3 });
    const engine = new ProjectionEngine({ pool, store, projections, config });
    await engine.setup();
    engine.startLeadership();
    expect(await engine.waitForPosition(head, 30_000)).toBe(true);
    await engine.stop();
    const live = await snapshot(pool);
    expect(live.timeline.length).toBeGreaterThan(150);

    const result = await engine.rebuild('all');

    expect(result.eventsApplied).toBeGreaterThan(0);
    expect(await snapshot(pool)).toEqual(live);
    const { rows } = await pool.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'timeline' ORDER BY 1`);
    expect(rows.map((r) => r.indexname)).toEqual(['timeline_case_version', 'timeline_pkey']);
  });
});
