import type { RecordedEvent } from '@jejak/event-store';
import type { Projection, ProjectionContext, TableSpec } from '@jejak/projections';
import type { Programme } from '../../domain/events/vocabulary';
import { journeyEvents } from '../shared/recorded-journey-event';
import { asNullableString, asNumber, projectRows, type RowTable } from '../shared/row-table';
import { evolveGroupSummary, groupIdOf, type GroupSummaryRow } from './group-summary.evolve';

export const GROUP_SUMMARY_TABLE = 'group_summary';

const table: TableSpec = {
  name: GROUP_SUMMARY_TABLE,
  ddl: (t) => `CREATE TABLE ${t} (
    group_id uuid PRIMARY KEY,
    name text,
    region_code text,
    kecamatan_code text,
    business_type text,
    programme text,
    formed_on date,
    max_members integer,
    members_count integer NOT NULL,
    grant_total bigint NOT NULL,
    grants_count integer NOT NULL,
    last_position bigint NOT NULL
  )`,
  indexes: (t, ix) => [`CREATE INDEX ${ix('kecamatan')} ON ${t} (kecamatan_code)`],
};

const rows: RowTable<GroupSummaryRow> = {
  key: 'group_id',
  keyType: 'uuid',
  columns: [
    { name: 'group_id', sqlType: 'uuid', write: (r) => r.groupId },
    { name: 'name', sqlType: 'text', write: (r) => r.name },
    { name: 'region_code', sqlType: 'text', write: (r) => r.regionCode },
    { name: 'kecamatan_code', sqlType: 'text', write: (r) => r.kecamatanCode },
    { name: 'business_type', sqlType: 'text', write: (r) => r.businessType },
    { name: 'programme', sqlType: 'text', write: (r) => r.programme },
    { name: 'formed_on', sqlType: 'date', write: (r) => r.formedOn },
    { name: 'max_members', sqlType: 'integer', write: (r) => r.maxMembers },
    { name: 'members_count', sqlType: 'integer', write: (r) => r.membersCount },
    { name: 'grant_total', sqlType: 'bigint', write: (r) => r.grantTotal },
    { name: 'grants_count', sqlType: 'integer', write: (r) => r.grantsCount },
    { name: 'last_position', sqlType: 'bigint', write: (r) => r.lastPosition },
  ],
  read: (r) => ({
    groupId: String(r.group_id),
    name: asNullableString(r.name),
    regionCode: asNullableString(r.region_code),
    kecamatanCode: asNullableString(r.kecamatan_code),
    businessType: asNullableString(r.business_type),
    programme: asNullableString(r.programme) as Programme | null,
    formedOn: asNullableString(r.formed_on),
    maxMembers: r.max_members === null ? null : asNumber(r.max_members),
    membersCount: asNumber(r.members_count),
    grantTotal: asNumber(r.grant_total),
    grantsCount: asNumber(r.grants_count),
    lastPosition: asNumber(r.last_position),
  }),
};

export const groupSummaryProjection: Projection = {
  name: 'group_summary',
  version: 1,
  tables: [table],
  handles: new Set(['GroupFormed', 'MemberJoined', 'GrantReceived']),
  async applyBatch(ctx: ProjectionContext, batch: readonly RecordedEvent[]) {
    await projectRows(ctx, ctx.table(GROUP_SUMMARY_TABLE), rows, journeyEvents(batch), groupIdOf, evolveGroupSummary);
  },
};
