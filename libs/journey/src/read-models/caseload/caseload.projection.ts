import type { RecordedEvent } from '@jejak/event-store';
import type { Projection, ProjectionContext, TableSpec } from '@jejak/projections';
import type { Programme } from '../../domain/events/vocabulary';
import { ENTREPRENEUR_EVENT_TYPES } from '../shared/event-types';
import type { PersonalDataReader } from '../shared/personal-data.port';
import { entrepreneurStreamId, journeyEvents } from '../shared/recorded-journey-event';
import { asNullableString, asNumber, projectRows, type RowTable } from '../shared/row-table';
import { evolveCaseload, withFollowUp } from './caseload.evolve';
import type { CaseloadRow, Stage } from './caseload.row';

export const CASELOAD_TABLE = 'caseload';

const table: TableSpec = {
  name: CASELOAD_TABLE,
  ddl: (t) => `CREATE TABLE ${t} (
    entrepreneur_id uuid PRIMARY KEY,
    full_name text,
    name_search text,
    region_code text,
    kecamatan_code text NOT NULL,
    region_path text NOT NULL,
    stage text NOT NULL,
    programme text,
    caseworker_id text,
    registered_on date NOT NULL,
    latest_grant_on date,
    latest_visit_on date,
    next_follow_up_on date,
    last_event_at timestamptz NOT NULL,
    version integer NOT NULL,
    registered_position bigint NOT NULL,
    last_position bigint NOT NULL,
    erased boolean NOT NULL,
    restricted boolean NOT NULL
  )`,
  // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it
  indexes: (t, ix) => [
    `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    `CREATE INDEX ${ix('name_trgm')} ON ${t} USING gin (name_search gin_trgm_ops)`,
    `CREATE UNIQUE INDEX ${ix('registered_position')} ON ${t} (registered_position)`,
    `CREATE INDEX ${ix('region_path')} ON ${t} (region_path text_pattern_ops, registered_position)`,
    `CREATE INDEX ${ix('kecamatan')} ON ${t} (kecamatan_code, registered_position)`,
    `CREATE INDEX ${ix('caseworker')} ON ${t} (caseworker_id, registered_position)`,
    `CREATE INDEX ${ix('stage')} ON ${t} (stage, registered_position)`,
  ],
};

const rows: RowTable<CaseloadRow> = {
  key: 'entrepreneur_id',
  keyType: 'uuid',
  columns: [
    { name: 'entrepreneur_id', sqlType: 'uuid', write: (r) => r.entrepreneurId },
    { name: 'full_name', sqlType: 'text', write: (r) => r.fullName },
    { name: 'name_search', sqlType: 'text', write: (r) => r.fullName?.toLowerCase() ?? null },
    { name: 'region_code', sqlType: 'text', write: (r) => r.regionCode },
    { name: 'kecamatan_code', sqlType: 'text', write: (r) => r.kecamatanCode },
    // after erasure the village is gone and the kecamatan is the finest region left
    { name: 'region_path', sqlType: 'text', write: (r) => r.regionCode ?? r.kecamatanCode },
    { name: 'stage', sqlType: 'text', write: (r) => r.stage },
    { name: 'programme', sqlType: 'text', write: (r) => r.programme },
    { name: 'caseworker_id', sqlType: 'text', write: (r) => r.caseworkerId },
    { name: 'registered_on', sqlType: 'date', write: (r) => r.registeredOn },
    { name: 'latest_grant_on', sqlType: 'date', write: (r) => r.latestGrantOn },
    { name: 'latest_visit_on', sqlType: 'date', write: (r) => r.latestVisitOn },
    { name: 'next_follow_up_on', sqlType: 'date', write: (r) => r.nextFollowUpOn },
    { name: 'last_event_at', sqlType: 'timestamptz', write: (r) => r.lastEventAt },
    { name: 'version', sqlType: 'integer', write: (r) => r.version },
    { name: 'registered_position', sqlType: 'bigint', write: (r) => r.registeredPosition },
    { name: 'last_position', sqlType: 'bigint', write: (r) => r.lastPosition },
    { name: 'erased', sqlType: 'boolean', write: (r) => r.erased },
    { name: 'restricted', sqlType: 'boolean', write: (r) => r.restricted },
  ],
  read: (r) => ({
    entrepreneurId: String(r.entrepreneur_id),
    fullName: asNullableString(r.full_name),
    regionCode: asNullableString(r.region_code),
    kecamatanCode: String(r.kecamatan_code),
    stage: r.stage as Stage,
    programme: asNullableString(r.programme) as Programme | null,
    caseworkerId: asNullableString(r.caseworker_id),
    registeredOn: String(r.registered_on),
    latestGrantOn: asNullableString(r.latest_grant_on),
    latestVisitOn: asNullableString(r.latest_visit_on),
    nextFollowUpOn: asNullableString(r.next_follow_up_on),
    lastEventAt: r.last_event_at as Date,
    version: asNumber(r.version),
    registeredPosition: asNumber(r.registered_position),
    lastPosition: asNumber(r.last_position),
    erased: Boolean(r.erased),
    restricted: Boolean(r.restricted),
  }),
};

/** Events whose personal fields the caseload shows: only these are decrypted. */
const NEEDS_PERSONAL = new Set(['Registered', 'ProfileCorrected']);

export function caseloadProjection(personalData: PersonalDataReader): Projection {
  return {
    name: 'caseload',
    // 2: the restricted column (ProcessingRestricted, ProcessingRestrictionLifted)
    version: 2,
    tables: [table],
    handles: ENTREPRENEUR_EVENT_TYPES,
    async applyBatch(ctx: ProjectionContext, batch: readonly RecordedEvent[]) {
      const events = journeyEvents(batch).filter((e) => entrepreneurStreamId(e) !== undefined);
      const revealed = await revealSome(personalData, events);
      await projectRows(ctx, ctx.table(CASELOAD_TABLE), rows, revealed, entrepreneurStreamId, evolveCaseload, withFollowUp);
    },
  };
}

async function revealSome<E extends RecordedEvent>(personalData: PersonalDataReader, events: E[]): Promise<E[]> {
  const sealed = events.filter((e) => NEEDS_PERSONAL.has(e.type));
  if (sealed.length === 0) return events;
  const opened = await personalData.reveal(sealed);
  const byId = new Map(opened.map((e) => [e.id, e]));
  return events.map((e) => byId.get(e.id) ?? e);
}
