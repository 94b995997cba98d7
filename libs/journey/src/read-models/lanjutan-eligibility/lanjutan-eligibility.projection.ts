import type { RecordedEvent } from '@jejak/event-store';
import { versionWithSettings, type Projection, type ProjectionContext, type TableSpec } from '@jejak/projections';
import type { RegisteredState } from '../../domain/entrepreneur/entrepreneur.state';
import type { LanjutanGap } from '../../domain/entrepreneur/lanjutan-eligibility';
import type { GraduationPolicy } from '../../domain/policy/journey-policy';
import { entrepreneurStreamId, journeyEvents } from '../shared/recorded-journey-event';
import { asNullableString, asNumber, projectRows, type RowTable } from '../shared/row-table';
import { evolveEligibility, judged, type EligibilityRow } from './lanjutan-eligibility.evolve';

export const ELIGIBILITY_TABLE = 'lanjutan_eligibility';

const table: TableSpec = {
  name: ELIGIBILITY_TABLE,
  ddl: (t) => `CREATE TABLE ${t} (
    entrepreneur_id uuid PRIMARY KEY,
    kecamatan_code text NOT NULL,
    eligible boolean NOT NULL,
    gaps text[] NOT NULL,
    visits_counted integer NOT NULL,
    latest_workers_total integer,
    latest_visit_on date,
    erased boolean NOT NULL,
    state jsonb NOT NULL,
    last_position bigint NOT NULL
  )`,
  indexes: (t, ix) => [`CREATE INDEX ${ix('eligible')} ON ${t} (kecamatan_code, entrepreneur_id) WHERE eligible`],
};

const rows: RowTable<EligibilityRow> = {
  key: 'entrepreneur_id',
  keyType: 'uuid',
  columns: [
    { name: 'entrepreneur_id', sqlType: 'uuid', write: (r) => r.entrepreneurId },
    { name: 'kecamatan_code', sqlType: 'text', write: (r) => r.kecamatanCode },
    { name: 'eligible', sqlType: 'boolean', write: (r) => r.eligible },
    { name: 'gaps', sqlType: 'text[]', write: (r) => r.gaps },
    { name: 'visits_counted', sqlType: 'integer', write: (r) => r.visitsCounted },
    { name: 'latest_workers_total', sqlType: 'integer', write: (r) => r.latestWorkersTotal },
    { name: 'latest_visit_on', sqlType: 'date', write: (r) => r.latestVisitOn },
    { name: 'erased', sqlType: 'boolean', write: (r) => r.erased },
    { name: 'state', sqlType: 'jsonb', write: (r) => r.state },
    { name: 'last_position', sqlType: 'bigint', write: (r) => r.lastPosition },
  ],
  read: (r) => ({
    entrepreneurId: String(r.entrepreneur_id),
    kecamatanCode: String(r.kecamatan_code),
    eligible: Boolean(r.eligible),
    gaps: r.gaps as LanjutanGap[],
    visitsCounted: asNumber(r.visits_counted),
    latestWorkersTotal: r.latest_workers_total === null ? null : asNumber(r.latest_workers_total),
    latestVisitOn: asNullableString(r.latest_visit_on),
    erased: Boolean(r.erased),
    state: r.state as RegisteredState,
    lastPosition: asNumber(r.last_position),
  }),
};

export function lanjutanEligibilityProjection(policy: GraduationPolicy): Projection {
  return {
    name: 'lanjutan_eligibility',
    // its rows judge the policy: a changed JEJAK_LANJUTAN_* rebuilds the list, as a code change would
    // 2: restricted cases are not eligible (ProcessingRestricted, ProcessingRestrictionLifted)
    version: versionWithSettings(2, policy),
    tables: [table],
    handles: new Set(['Registered', 'Trained', 'GrantReceived', 'Monitored', 'GraduatedToLanjutan', 'Withdrawn', 'ProfileCorrected', 'PersonalDataErased',
      'ProcessingRestricted', 'ProcessingRestrictionLifted']),
    async applyBatch(ctx: ProjectionContext, batch: readonly RecordedEvent[]) {
      await projectRows(ctx, ctx.table(ELIGIBILITY_TABLE), rows, journeyEvents(batch), entrepreneurStreamId, evolveEligibility, (row) => judged(row, policy));
    },
  };
}
