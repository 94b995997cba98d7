import type { RecordedEvent } from '@jejak/event-store';
import type { JourneyEvent } from '@jejak/journey/domain/events/catalogue';
import { isJourneyEventType } from '@jejak/journey/domain/events/catalogue';
import { SOURCES, TOPICS, type IntegrationEvent } from './integration-event';
import { GROUP_MESSAGE_TYPES, type GroupIntegrationEvent } from './groups.contracts';
import { JOURNEY_MESSAGE_TYPES as J, type JourneyIntegrationEvent } from './journey.contracts';

export type JejakIntegrationEvent = JourneyIntegrationEvent | GroupIntegrationEvent;

/**
 * Maps one recorded domain event to the public integration events it stands for (zero or one
 * today). Pure and deterministic: the same recorded event always yields the same output, with
 * the domain event's id, so a re-send after a crash is recognisable as the same message.
 *
 * Only non-personal fields are read. Personal fields (PERSONAL_FIELDS in the domain catalogue)
 * are encrypted in the stored data and are never copied, even when readable, and free-text fields
 * (titles, providers, group names, reasons, notes) are left out because anyone's name can be in them.
 */
export function toIntegrationEvents(recorded: RecordedEvent): JejakIntegrationEvent[] {
  if (!isJourneyEventType(recorded.type)) return [];
  const e = { type: recorded.type, data: recorded.data } as JourneyEvent;
  const journey = <Ty extends JourneyIntegrationEvent['type']>(type: Ty, entrepreneurId: string, data: Extract<JourneyIntegrationEvent, { type: Ty }>['data']) =>
    [envelope(recorded, type, 'journey', entrepreneurId, `entrepreneur/${entrepreneurId}`, data) as JourneyIntegrationEvent];
  switch (e.type) {
    case 'Registered': {
      const d = e.data;
      return journey(J.EntrepreneurRegistered, d.entrepreneurId, { entrepreneurId: d.entrepreneurId, kecamatanCode: d.kecamatanCode, registeredOn: d.registeredOn });
    }
    case 'ProfileCorrected': {
      const d = e.data;
      // Only the kecamatan is public; other corrections change personal data consumers never had.
      if (d.kecamatanCode === undefined) return [];
      return journey(J.EntrepreneurRegionCorrected, d.entrepreneurId, { entrepreneurId: d.entrepreneurId, kecamatanCode: d.kecamatanCode });
    }
    case 'Trained': {
      const d = e.data;
      return journey(J.TrainingCompleted, d.entrepreneurId, compact({
        entrepreneurId: d.entrepreneurId, kind: d.kind, startedOn: d.startedOn, completedOn: d.completedOn, hours: d.hours, certified: d.certified,
      }));
    }
    case 'GrantReceived': {
      const d = e.data;
      return journey(J.GrantDisbursed, d.entrepreneurId, compact({
        entrepreneurId: d.entrepreneurId, programme: d.programme, amount: d.amount, form: d.form, fundingSource: d.fundingSource, receivedOn: d.receivedOn, groupId: d.groupId,
      }));
    }
    case 'Monitored': {
      const d = e.data;
      return journey(J.BusinessMonitored, d.entrepreneurId, compact({
        entrepreneurId: d.entrepreneurId, visitedOn: d.visitedOn, businessActive: d.businessActive, workersTotal: d.workersTotal,
        paidWorkers: d.paidWorkers, unpaidWorkers: d.unpaidWorkers, revenueTrend: d.revenueTrend, permitStatus: d.permitStatus,
        hasNib: d.hasNib, equipmentInUse: d.equipmentInUse, obstacles: d.obstacles ? [...d.obstacles] : undefined,
      }));
    }
    case 'GraduatedToLanjutan':
      return journey(J.GraduatedToLanjutan, e.data.entrepreneurId, { entrepreneurId: e.data.entrepreneurId, graduatedOn: e.data.graduatedOn });
    case 'Withdrawn':
      return journey(J.CaseWithdrawn, e.data.entrepreneurId, { entrepreneurId: e.data.entrepreneurId, withdrawnOn: e.data.withdrawnOn });
    case 'PersonalDataErased':
      return journey(J.PersonalDataErased, e.data.entrepreneurId, { entrepreneurId: e.data.entrepreneurId });
    case 'ProcessingRestricted':
      // the request reference is an office's file number for the person: not for consumers
      return journey(J.ProcessingRestricted, e.data.entrepreneurId, { entrepreneurId: e.data.entrepreneurId, restrictedOn: e.data.restrictedOn });
    case 'ProcessingRestrictionLifted':
      return journey(J.ProcessingRestrictionLifted, e.data.entrepreneurId, { entrepreneurId: e.data.entrepreneurId, liftedOn: e.data.liftedOn });
    case 'CaseworkerAssigned':
      // Internal workload: caseworker ids identify staff and mean nothing outside the agency.
      return [];
    case 'GroupFormed': {
      const d = e.data;
      return [envelope(recorded, GROUP_MESSAGE_TYPES.GroupFormed, 'groups', d.groupId, `group/${d.groupId}`, {
        groupId: d.groupId, kecamatanCode: d.kecamatanCode, programme: d.programme, formedOn: d.formedOn, maxMembers: d.maxMembers,
      }) as GroupIntegrationEvent];
    }
    case 'MemberJoined': {
      const d = e.data;
      return [envelope(recorded, GROUP_MESSAGE_TYPES.MemberJoined, 'groups', d.groupId, `group/${d.groupId}`, {
        groupId: d.groupId, entrepreneurId: d.entrepreneurId, joinedOn: d.joinedOn,
      }) as GroupIntegrationEvent];
    }
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

function envelope<Ty extends string, D>(recorded: RecordedEvent, type: Ty, context: keyof typeof TOPICS, key: string, subject: string, data: D): IntegrationEvent<Ty, D> {
  return {
    id: recorded.id,
    type,
    topic: TOPICS[context],
    key,
    source: SOURCES[context],
    subject,
    time: occurredAt(recorded),
    position: recorded.globalPosition,
    data,
  };
}

/** The business instant from the metadata; the store's instant when an old event lacks it. */
function occurredAt(recorded: RecordedEvent): string {
  const t = recorded.metadata?.occurredAt ? new Date(recorded.metadata.occurredAt) : recorded.recordedAt;
  return Number.isNaN(t.getTime()) ? recorded.recordedAt.toISOString() : t.toISOString();
}

/** Drops undefined optional fields so the JSON on the wire matches the schema exactly. */
function compact<O extends object>(o: O): O {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as O;
}
