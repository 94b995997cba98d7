import type { RecordedEvent } from '@jejak/event-store';
import type { Projection, ProjectionContext, TableSpec } from '@jejak/projections';
import type { Programme } from '../../domain/events/vocabulary';
import type { Stage } from '../caseload/caseload.row';
import { entrepreneurStreamId, journeyEvents } from '../shared/recorded-journey-event';
import { asNullableString, asNumber, projectRows, type RowTable } from '../shared/row-table';
import { evolveProgression } from './progression.evolve';
import type { ProgressionRow } from './progression.row';

export const PROGRESSION_TABLE = 'progression_cases';

const table: TableSpec = {
  name: PROGRESSION_TABLE,
  ddl: (t) => `CREATE TABLE ${t} (
    entrepreneur_id uuid PRIMARY KEY,
    registered_on date NOT NULL,
    kecamatan_code text NOT NULL,
    programme text,
    stage text NOT NULL,
    trained_on date,
    funded_on date,
    monitored_on date,
    graduated_on date,
    withdrawn_on date,
    active_6m boolean,
    active_12m boolean,
    active_24m boolean,
    latest_visit_on date,
    latest_business_active boolean,
    latest_workers_total integer,
    has_nib boolean NOT NULL,
    last_position bigint NOT NULL
  )`,
  indexes: (t, ix) => [
    `CREATE INDEX ${ix('registered_on')} ON ${t} (registered_on)`,
    `CREATE INDEX ${ix('funded_on')} ON ${t} (funded_on) WHERE funded_on IS NOT NULL`,
    `CREATE INDEX ${ix('kecamatan')} ON ${t} (kecamatan_code text_pattern_ops)`,
  ],
};

const nullableBool = (v: unknown): boolean | null => (v === null || v === undefined ? null : Boolean(v));

const rows: RowTable<ProgressionRow> = {
  key: 'entrepreneur_id',
  keyType: 'uuid',
  columns: [
    { name: 'entrepreneur_id', sqlType: 'uuid', write: (r) => r.entrepreneurId },
    { name: 'registered_on', sqlType: 'date', write: (r) => r.registeredOn },
    { name: 'kecamatan_code', sqlType: 'text', write: (r) => r.kecamatanCode },
    { name: 'programme', sqlType: 'text', write: (r) => r.programme },
    { name: 'stage', sqlType: 'text', write: (r) => r.stage },
    { name: 'trained_on', sqlType: 'date', write: (r) => r.trainedOn },
    { name: 'funded_on', sqlType: 'date', write: (r) => r.fundedOn },
    { name: 'monitored_on', sqlType: 'date', write: (r) => r.monitoredOn },
    { name: 'graduated_on', sqlType: 'date', write: (r) => r.graduatedOn },
    { name: 'withdrawn_on', sqlType: 'date', write: (r) => r.withdrawnOn },
    { name: 'active_6m', sqlType: 'boolean', write: (r) => r.active6m },
    { name: 'active_12m', sqlType: 'boolean', write: (r) => r.active12m },
    { name: 'active_24m', sqlType: 'boolean', write: (r) => r.active24m },
    { name: 'latest_visit_on', sqlType: 'date', write: (r) => r.latestVisitOn },
    { name: 'latest_business_active', sqlType: 'boolean', write: (r) => r.latestBusinessActive },
    { name: 'latest_workers_total', sqlType: 'integer', write: (r) => r.latestWorkersTotal },
    { name: 'has_nib', sqlType: 'boolean', write: (r) => r.hasNib },
    { name: 'last_position', sqlType: 'bigint', write: (r) => r.lastPosition },
  ],
  read: (r) => ({
    entrepreneurId: String(r.entrepreneur_id),
    registeredOn: String(r.registered_on),
    kecamatanCode: String(r.kecamatan_code),
    programme: asNullableString(r.programme) as Programme | null,
    stage: r.stage as Stage,
    trainedOn: asNullableString(r.trained_on),
    fundedOn: asNullableString(r.funded_on),
    monitoredOn: asNullableString(r.monitored_on),
    graduatedOn: asNullableString(r.graduated_on),
    withdrawnOn: asNullableString(r.withdrawn_on),
    active6m: nullableBool(r.active_6m),
    active12m: nullableBool(r.active_12m),
    active24m: nullableBool(r.active_24m),
    latestVisitOn: asNullableString(r.latest_visit_on),
    latestBusinessActive: nullableBool(r.latest_business_active),
    latestWorkersTotal: r.latest_workers_total === null ? null : asNumber(r.latest_workers_total),
    hasNib: Boolean(r.has_nib),
    lastPosition: asNumber(r.last_position),
  }),
};

export const progressionProjection: Projection = {
  name: 'progression',
  version: 1,
  tables: [table],
  handles: new Set(['Registered', 'Trained', 'GrantReceived', 'Monitored', 'GraduatedToLanjutan', 'Withdrawn', 'ProfileCorrected']),
  async applyBatch(ctx: ProjectionContext, batch: readonly RecordedEvent[]) {
    await projectRows(ctx, ctx.table(PROGRESSION_TABLE), rows, journeyEvents(batch), entrepreneurStreamId, evolveProgression);
  },
};
