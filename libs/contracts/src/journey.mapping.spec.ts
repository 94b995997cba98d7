import type { RecordedEvent } from '@jejak/event-store';
import { JOURNEY_EVENT_TYPES, PERSONAL_FIELDS, type JourneyEvent, type JourneyEventType } from '@jejak/journey/domain/events/catalogue';
import { toIntegrationEvents } from './journey.mapping';
import { messageSpec, type JsonSchema } from './message-catalogue';

const ENTREPRENEUR = '6f1c2a4e-1b2c-4d5e-8f90-123456789abc';
const GROUP = '0a0b0c0d-1111-4222-8333-444455556666';
const EVENT_ID = '9e8d7c6b-5a49-4382-9170-fedcba987654';

/** One full example of each domain event, every optional field filled. */
const SAMPLES: { [T in JourneyEventType]: Extract<JourneyEvent, { type: T }>['data'] } = {
  Registered: {
    entrepreneurId: ENTREPRENEUR, nik: '3216014507950001', fullName: 'Siti Rahayu', birthDate: '1995-07-05', sex: 'F', regionCode: '32.16.01.2001',
    phone: '081234567890', address: 'Jl. Melati 3', education: 'slta', employmentStatus: 'unemployed', businessIdea: 'Keripik pisang Bu Siti',
    birthYear: 1995, kecamatanCode: '32.16.01', registeredOn: '2025-01-06', nikRegionKnown: true,
  },
  Trained: {
    entrepreneurId: ENTREPRENEUR, title: 'Pelatihan Wirausaha Resin Art', provider: 'BLK Bekasi', kind: 'entrepreneurship',
    startedOn: '2025-02-03', completedOn: '2025-02-07', hours: 40, certified: true, certificateNumber: 'CERT-SITI-001',
  },
  GrantReceived: {
    entrepreneurId: ENTREPRENEUR, programme: 'TKM_PEMULA', amount: 10_000_000, form: 'equipment', receivedOn: '2025-03-10',
    fundingSource: 'APBN', groupId: GROUP, decreeNumber: 'SK-123/2025',
  },
  Monitored: {
    entrepreneurId: ENTREPRENEUR, visitedOn: '2025-06-10', businessActive: true, workersTotal: 3, paidWorkers: 1, unpaidWorkers: 1,
    revenueTrend: 'up_to_target', monthlyRevenue: 4_500_000, permitStatus: 'obtained', nib: '1234567890123', hasNib: true,
    equipmentInUse: true, obstacles: ['packaging', 'capital'], notes: 'Bu Siti sells at Pasar Cikarang',
  },
  GraduatedToLanjutan: { entrepreneurId: ENTREPRENEUR, graduatedOn: '2026-01-15', basis: 'hired Pak Budi as first worker' },
  Withdrawn: { entrepreneurId: ENTREPRENEUR, withdrawnOn: '2025-04-01', reason: 'moved to Surabaya to care for her mother' },
  ProfileCorrected: { entrepreneurId: ENTREPRENEUR, regionCode: '32.16.02.2003', kecamatanCode: '32.16.02', fullName: 'Siti Rahayu Putri', reason: 'typo in the name' },
  CaseworkerAssigned: { entrepreneurId: ENTREPRENEUR, caseworkerId: 'cw-7', previousCaseworkerId: 'cw-3' },
  PersonalDataErased: { entrepreneurId: ENTREPRENEUR, reason: 'request by Siti', requestReference: 'PDP-2025-17' },
  ProcessingRestricted: { entrepreneurId: ENTREPRENEUR, restrictedOn: '2025-05-02', requestReference: 'PDP-2025-18' },
  ProcessingRestrictionLifted: { entrepreneurId: ENTREPRENEUR, liftedOn: '2025-05-20' },
  GroupFormed: {
    groupId: GROUP, name: 'Kelompok Bu Siti', regionCode: '32.16.01.2001', kecamatanCode: '32.16.01', businessType: 'catering',
    programme: 'TKM_PEMULA', formedOn: '2025-02-20', maxMembers: 10,
  },
  MemberJoined: { groupId: GROUP, entrepreneurId: ENTREPRENEUR, joinedOn: '2025-02-21' },
};

const EXPECTED: Record<JourneyEventType, { type: string; topic: string; key: string; data: Record<string, unknown> } | null> = {
  Registered: { type: 'jejak.journey.EntrepreneurRegistered.v1', topic: 'jejak.journey.v1', key: ENTREPRENEUR, data: { entrepreneurId: ENTREPRENEUR, kecamatanCode: '32.16.01', registeredOn: '2025-01-06' } },
  Trained: {
    type: 'jejak.journey.TrainingCompleted.v1', topic: 'jejak.journey.v1', key: ENTREPRENEUR,
    data: { entrepreneurId: ENTREPRENEUR, kind: 'entrepreneurship', startedOn: '2025-02-03', completedOn: '2025-02-07', hours: 40, certified: true },
  },
  GrantReceived: {
    type: 'jejak.journey.GrantDisbursed.v1', topic: 'jejak.journey.v1', key: ENTREPRENEUR,
    data: { entrepreneurId: ENTREPRENEUR, programme: 'TKM_PEMULA', amount: 10_000_000, form: 'equipment', fundingSource: 'APBN', receivedOn: '2025-03-10', groupId: GROUP },
  },
  Monitored: {
    type: 'jejak.journey.BusinessMonitored.v1', topic: 'jejak.journey.v1', key: ENTREPRENEUR,
    data: {
      entrepreneurId: ENTREPRENEUR, visitedOn: '2025-06-10', businessActive: true, workersTotal: 3, paidWorkers: 1, unpaidWorkers: 1,
      revenueTrend: 'up_to_target', permitStatus: 'obtained', hasNib: true, equipmentInUse: true, obstacles: ['packaging', 'capital'],
    },
  },
  GraduatedToLanjutan: { type: 'jejak.journey.GraduatedToLanjutan.v1', topic: 'jejak.journey.v1', key: ENTREPRENEUR, data: { entrepreneurId: ENTREPRENEUR, graduatedOn: '2026-01-15' } },
  Withdrawn: { type: 'jejak.journey.CaseWithdrawn.v1', topic: 'jejak.journey.v1', key: ENTREPRENEUR, data: { entrepreneurId: ENTREPRENEUR, withdrawnOn: '2025-04-01' } },
  ProfileCorrected: { type: 'jejak.journey.EntrepreneurRegionCorrected.v1', topic: 'jejak.journey.v1', key: ENTREPRENEUR, data: { entrepreneurId: ENTREPRENEUR, kecamatanCode: '32.16.02' } },
  CaseworkerAssigned: null,
  PersonalDataErased: { type: 'jejak.journey.PersonalDataErased.v1', topic: 'jejak.journey.v1', key: ENTREPRENEUR, data: { entrepreneurId: ENTREPRENEUR } },
  ProcessingRestricted: { type: 'jejak.journey.ProcessingRestricted.v1', topic: 'jejak.journey.v1', key: ENTREPRENEUR, data: { entrepreneurId: ENTREPRENEUR, restrictedOn: '2025-05-02' } },
  ProcessingRestrictionLifted: {
    type: 'jejak.journey.ProcessingRestrictionLifted.v1', topic: 'jejak.journey.v1', key: ENTREPRENEUR, data: { entrepreneurId: ENTREPRENEUR, liftedOn: '2025-05-20' },
  },
  GroupFormed: {
    type: 'jejak.groups.GroupFormed.v1', topic: 'jejak.groups.v1', key: GROUP,
    data: { groupId: GROUP, kecamatanCode: '32.16.01', programme: 'TKM_PEMULA', formedOn: '2025-02-20', maxMembers: 10 },
  },
  MemberJoined: { type: 'jejak.groups.MemberJoined.v1', topic: 'jejak.groups.v1', key: GROUP, data: { groupId: GROUP, entrepreneurId: ENTREPRENEUR, joinedOn: '2025-02-21' } },
};

function recorded(type: string, data: unknown, overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    id: EVENT_ID, type, schemaVersion: 1, data,
    metadata: { actorId: 'cw-7', actorRole: 'caseworker', correlationId: 'c', causationId: 'c', occurredAt: '2025-06-10T03:04:05.000Z' },
    streamId: `entrepreneur-${ENTREPRENEUR}`, streamVersion: 4, globalPosition: 7_000_003, recordedAt: new Date('2025-06-10T03:04:06Z'), hash: 'ab',
    ...overrides,
  };
}

/** A small checker for the schema subset the catalogue uses: the mapping must produce what the AsyncAPI document promises. */
function violations(schema: JsonSchema, value: unknown, path = 'data'): string[] {
  if (schema.type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path} is not an object`];
    const o = value as Record<string, unknown>;
    const missing = (schema.required ?? []).filter((k) => !(k in o)).map((k) => `${path}.${k} is missing`);
    const extra = Object.keys(o).filter((k) => !schema.properties?.[k]).map((k) => `${path}.${k} is not in the schema`);
    const nested = Object.entries(o).flatMap(([k, v]) => (schema.properties?.[k] ? violations(schema.properties[k], v, `${path}.${k}`) : []));
    return [...missing, ...extra, ...nested];
  }
  if (schema.type === 'array') return Array.isArray(value) ? value.flatMap((v, i) => violations(schema.items!, v, `${path}[${i}]`)) : [`${path} is not an array`];
  const ok =
    (schema.type === 'string' && typeof value === 'string' && (!schema.pattern || new RegExp(schema.pattern).test(value)) && (!schema.enum || schema.enum.includes(value))) ||
    (schema.type === 'integer' && Number.isInteger(value) && (schema.minimum === undefined || (value as number) >= schema.minimum)) ||
    (schema.type === 'boolean' && typeof value === 'boolean');
  return ok ? [] : [`${path} = ${JSON.stringify(value)} does not match ${JSON.stringify(schema)}`];
}

describe('mapping domain events to public integration events', () => {
  it('has a sample and an expectation for every domain event type', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...JOURNEY_EVENT_TYPES].sort());
  });

  describe.each(JOURNEY_EVENT_TYPES.map((t) => [t]))('%s', (type) => {
    const out = toIntegrationEvents(recorded(type, SAMPLES[type]));
    const expected = EXPECTED[type];

    it('maps to the documented public event, or to none', () => {
      if (expected === null) return expect(out).toEqual([]);
      expect(out).toEqual([{ id: EVENT_ID, ...expected, source: expected.topic === 'jejak.groups.v1' ? '/jejak/groups' : '/jejak/journey',
        subject: `${expected.topic === 'jejak.groups.v1' ? 'group' : 'entrepreneur'}/${expected.key}`, time: '2025-06-10T03:04:05.000Z', position: 7_000_003 }]);
    });

    it('carries no personal field value, and no free text', () => {
      const wire = JSON.stringify(out);
      const personal = (PERSONAL_FIELDS[type] as readonly string[]).map((f) => (SAMPLES[type] as Record<string, unknown>)[f]).filter((v) => v !== undefined);
      for (const value of personal) expect(wire).not.toContain(String(value));
      for (const secret of ['Siti', 'Budi', 'Kelompok', 'Pelatihan', 'BLK', 'catering', 'SK-123', 'PDP-2025', 'cw-7', '1995'])
        expect(wire).not.toContain(secret);
    });

    it('matches the payload schema of its message in the catalogue', () => {
      for (const event of out) {
        const spec = messageSpec(event.type);
        expect(spec?.topic).toBe(event.topic);
        expect(violations(spec!.payload, event.data)).toEqual([]);
      }
    });
  });

  it('keeps the domain event id, so a re-sent event de-duplicates downstream', () => {
    const once = toIntegrationEvents(recorded('GraduatedToLanjutan', SAMPLES.GraduatedToLanjutan));
    const again = toIntegrationEvents(recorded('GraduatedToLanjutan', SAMPLES.GraduatedToLanjutan));
    expect(again).toEqual(once);
    expect(once[0].id).toBe(EVENT_ID);
  });

  it('leaves out optional fields the caseworker did not fill in', () => {
    const [event] = toIntegrationEvents(recorded('Trained', { entrepreneurId: ENTREPRENEUR, title: 't', provider: 'p', kind: 'competency', startedOn: '2025-01-01', completedOn: '2025-01-02' }));
    expect(event.data).toEqual({ entrepreneurId: ENTREPRENEUR, kind: 'competency', startedOn: '2025-01-01', completedOn: '2025-01-02' });
  });

  it('publishes a profile correction only when it names a kecamatan', () => {
    expect(toIntegrationEvents(recorded('ProfileCorrected', { entrepreneurId: ENTREPRENEUR, phone: '0812', reason: 'new phone' }))).toEqual([]);
  });

  it('ignores event types from outside the journey', () => {
    expect(toIntegrationEvents(recorded('SomethingElse', { entrepreneurId: ENTREPRENEUR }))).toEqual([]);
  });

  it('falls back to the recording instant when the metadata has no occurrence time', () => {
    const [event] = toIntegrationEvents(recorded('Withdrawn', SAMPLES.Withdrawn, { metadata: { actorId: 'a', actorRole: 'r', correlationId: 'c', causationId: 'c', occurredAt: '' } }));
    expect(event.time).toBe('2025-06-10T03:04:06.000Z');
  });
});
