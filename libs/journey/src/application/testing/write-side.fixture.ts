import { randomBytes, randomUUID } from 'node:crypto';
import { eventStoreMigrations, PostgresEventStore } from '@jejak/event-store';
import { NikHasher, personalDataMigrations, PersonalDataVault, secretsOf } from '@jejak/personal-data';
import { runMigrations } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import type { Actor } from '@jejak/auth';
import type { Pool } from 'pg';
import { DEFAULT_JOURNEY_POLICY, type DecisionContext } from '../../domain';
import { nikFor } from '../../domain/testing/journey-test-kit';
import { IdnAreaRegionDirectory } from '../../infrastructure/regions';
import type { CommandMeta } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';

/**
 * The write side wired by hand on a fresh test database: the real event store, vault, region
 * list and runner, without Nest (handlers are plain classes taking the runner).
 */
export interface WriteSide {
  db: TestDatabase;
  pool: Pool;
  store: PostgresEventStore;
  vault: PersonalDataVault;
  nik: NikHasher;
  runner: JourneyCommandRunner;
  close(): Promise<void>;
}

export async function startWriteSide(): Promise<WriteSide> {
  const db = await createTestDatabase('journey_write');
  await runMigrations(db.url, [...eventStoreMigrations, ...personalDataMigrations]);
  const pool = db.pool();
  const store = new PostgresEventStore(pool);
  const master = randomBytes(32);
  const vault = new PersonalDataVault(pool, secretsOf(master));
  const context: DecisionContext = { regions: await IdnAreaRegionDirectory.load(), policy: DEFAULT_JOURNEY_POLICY };
  return {
    db, pool, store, vault,
    nik: new NikHasher(randomBytes(32)),
    runner: new JourneyCommandRunner(store, vault, context),
    async close() {
      await store.close();
      await db.drop();
    },
  };
}

export const caseworker = (over: Partial<Actor> = {}): Actor => ({ id: 'cw-ani', role: 'caseworker', roles: ['caseworker'], ...over });

export function meta(over: Partial<CommandMeta> = {}): CommandMeta {
  const commandId = randomUUID();
  return { commandId, actor: caseworker(), correlationId: `corr-${commandId.slice(0, 8)}`, receivedAt: new Date().toISOString(), ...over };
}

let serial = 1;
/** A person with a valid NIK of Tarumajaya (32.16.01), Kabupaten Bekasi; a new serial each call. */
export function person(over: { fullName?: string; phone?: string } = {}) {
  const birthDate = '1995-08-17';
  const nik = nikFor(birthDate, 'F', '321601', String(serial++).padStart(4, '0'));
  return {
    nik, fullName: over.fullName ?? 'Dewi Lestari', birthDate, sex: 'F' as const, regionCode: '32.16.01.2001',
    phone: over.phone ?? '081298765432', address: 'Kp. Pisangan RT 02/03', registeredOn: '2024-01-10',
  };
}
