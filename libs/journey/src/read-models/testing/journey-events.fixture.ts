import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@jejak/event-store';
import type { JourneyEvent } from '../../domain/events/catalogue';
import { EVENT_SCHEMA_VERSIONS } from '../../domain/events/catalogue';
import type { EntrepreneurEvent } from '../../domain/events/entrepreneur.events';

type DataOf<T extends JourneyEvent['type']> = Extract<JourneyEvent, { type: T }>['data'];

/** Builders for one person's journey, in the shape the command side appends. */
export function aPerson(id: string = randomUUID()) {
  return {
    id,
    stream: `entrepreneur-${id}`,
    registered: (over: Partial<DataOf<'Registered'>> = {}): EntrepreneurEvent => ({
      type: 'Registered',
      data: {
        entrepreneurId: id, nik: '3216015204980001', fullName: 'Siti Aminah', birthDate: '1998-04-12', sex: 'F',
        regionCode: '32.16.01.2001', registeredOn: '2024-01-10', birthYear: 1998, kecamatanCode: '32.16.01', nikRegionKnown: true, ...over,
      },
    }),
    trained: (over: Partial<DataOf<'Trained'>> = {}): EntrepreneurEvent => ({
      type: 'Trained',
      data: {
        entrepreneurId: id, title: 'Pelatihan Wirausaha Resin Art', provider: 'Dinas Koperasi & UMKM', kind: 'entrepreneurship',
        startedOn: '2024-02-01', completedOn: '2024-02-05', ...over,
      },
    }),
    granted: (over: Partial<DataOf<'GrantReceived'>> = {}): EntrepreneurEvent => ({
      type: 'GrantReceived',
      data: { entrepreneurId: id, programme: 'TKM_PEMULA', amount: 20_000_000, form: 'equipment', receivedOn: '2024-03-01', fundingSource: 'APBN', ...over },
    }),
    monitored: (visitedOn: string, over: Partial<DataOf<'Monitored'>> = {}): EntrepreneurEvent => ({
      type: 'Monitored',
      data: { entrepreneurId: id, visitedOn, businessActive: true, workersTotal: 2, revenueTrend: 'up_to_target', hasNib: false, ...over },
    }),
    graduated: (graduatedOn = '2025-06-01'): EntrepreneurEvent => ({ type: 'GraduatedToLanjutan', data: { entrepreneurId: id, graduatedOn } }),
    withdrawn: (withdrawnOn = '2024-05-01'): EntrepreneurEvent => ({ type: 'Withdrawn', data: { entrepreneurId: id, withdrawnOn, reason: 'pindah ke luar kota' } }),
    corrected: (over: Partial<DataOf<'ProfileCorrected'>>): EntrepreneurEvent => ({
      type: 'ProfileCorrected', data: { entrepreneurId: id, reason: 'salah ketik', ...over },
    }),
    assigned: (caseworkerId: string): EntrepreneurEvent => ({ type: 'CaseworkerAssigned', data: { entrepreneurId: id, caseworkerId } }),
    erased: (): EntrepreneurEvent => ({ type: 'PersonalDataErased', data: { entrepreneurId: id, reason: 'permintaan subjek data' } }),
    restricted: (restrictedOn = '2024-06-05'): EntrepreneurEvent => ({ type: 'ProcessingRestricted', data: { entrepreneurId: id, restrictedOn } }),
    restrictionLifted: (liftedOn = '2024-06-20'): EntrepreneurEvent => ({ type: 'ProcessingRestrictionLifted', data: { entrepreneurId: id, liftedOn } }),
  };
}

export function toNewEvent(event: JourneyEvent, actorId = 'caseworker-1', actorRole = 'caseworker'): NewEvent {
  return {
    id: randomUUID(),
    type: event.type,
    schemaVersion: EVENT_SCHEMA_VERSIONS[event.type],
    data: event.data,
    metadata: {
      actorId, actorRole, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString(),
    },
  };
}
