import { TOPICS, type ContextName } from './integration-event';
import { GROUP_MESSAGE_TYPES } from './groups.contracts';
import { JOURNEY_MESSAGE_TYPES } from './journey.contracts';

/** The JSON Schema subset the contracts use (draft-07, which AsyncAPI 3 accepts as its default). */
export interface JsonSchema {
  type?: 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'array';
  description?: string;
  format?: string;
  pattern?: string;
  enum?: readonly string[];
  minimum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean;
}

export interface MessageSpec {
  type: string;
  context: ContextName;
  topic: string;
  /** what it means for a consumer, in one or two sentences */
  summary: string;
  /** which domain events produce it */
  from: readonly string[];
  payload: JsonSchema;
}

const uuid: JsonSchema = { type: 'string', format: 'uuid' };
const date: JsonSchema = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const kecamatan: JsonSchema = { type: 'string', pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}$', description: 'Kemendagri kecamatan code PP.KK.CC' };
const count: JsonSchema = { type: 'integer', minimum: 0 };
const programme: JsonSchema = { type: 'string', enum: ['TKM_PEMULA', 'TKM_LANJUTAN', 'WUB', 'OTHER'] };

function object(properties: Record<string, JsonSchema>, required: string[]): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

function journey(name: keyof typeof JOURNEY_MESSAGE_TYPES, from: string[], summary: string, payload: JsonSchema): MessageSpec {
  return { type: JOURNEY_MESSAGE_TYPES[name], context: 'journey', topic: TOPICS.journey, summary, from, payload };
}

function groups(name: keyof typeof GROUP_MESSAGE_TYPES, from: string[], summary: string, payload: JsonSchema): MessageSpec {
  return { type: GROUP_MESSAGE_TYPES[name], context: 'groups', topic: TOPICS.groups, summary, from, payload };
}

/** Every public message, with its payload schema: the source of the AsyncAPI document. */
export const MESSAGE_CATALOGUE: readonly MessageSpec[] = [
  journey('EntrepreneurRegistered', ['Registered'], 'A person entered a programme; the case starts in this kecamatan.',
    object({ entrepreneurId: uuid, kecamatanCode: kecamatan, registeredOn: date }, ['entrepreneurId', 'kecamatanCode', 'registeredOn'])),
  journey('EntrepreneurRegionCorrected', ['ProfileCorrected'],
    'The kecamatan on record was corrected (also sent when only the village changed, so treat it as "set", not "moved").',
    object({ entrepreneurId: uuid, kecamatanCode: kecamatan }, ['entrepreneurId', 'kecamatanCode'])),
  journey('TrainingCompleted', ['Trained'], 'The entrepreneur completed a training.',
    object({
      entrepreneurId: uuid, kind: { type: 'string', enum: ['competency', 'non_competency', 'entrepreneurship'] },
      startedOn: date, completedOn: date, hours: count, certified: { type: 'boolean' },
    }, ['entrepreneurId', 'kind', 'startedOn', 'completedOn'])),
  journey('GrantDisbursed', ['GrantReceived'], 'Assistance (cash or equipment) reached the entrepreneur, possibly through a group.',
    object({
      entrepreneurId: uuid, programme, amount: { type: 'integer', minimum: 0, description: 'whole rupiah' },
      form: { type: 'string', enum: ['cash', 'equipment', 'mixed'] }, fundingSource: { type: 'string', enum: ['APBN', 'APBD', 'CSR', 'OTHER'] },
      receivedOn: date, groupId: uuid,
    }, ['entrepreneurId', 'programme', 'amount', 'form', 'fundingSource', 'receivedOn'])),
  journey('BusinessMonitored', ['Monitored'], 'A monitoring visit (monev) recorded the state of the business. Revenue figures are never published, only the trend.',
    object({
      entrepreneurId: uuid, visitedOn: date, businessActive: { type: 'boolean' }, workersTotal: count, paidWorkers: count, unpaidWorkers: count,
      revenueTrend: { type: 'string', enum: ['down', 'flat', 'up_to_target', 'above_target'] },
      permitStatus: { type: 'string', enum: ['none', 'rt_letter', 'in_process', 'obtained'] },
      hasNib: { type: 'boolean' }, equipmentInUse: { type: 'boolean' },
      obstacles: { type: 'array', items: { type: 'string', enum: ['market_access', 'packaging', 'permit', 'capital', 'other'] } },
    }, ['entrepreneurId', 'visitedOn', 'businessActive', 'workersTotal', 'revenueTrend', 'hasNib'])),
  journey('GraduatedToLanjutan', ['GraduatedToLanjutan'], 'The entrepreneur moved on from TKM Pemula to TKM Lanjutan.',
    object({ entrepreneurId: uuid, graduatedOn: date }, ['entrepreneurId', 'graduatedOn'])),
  journey('CaseWithdrawn', ['Withdrawn'], 'The case was closed before graduation.',
    object({ entrepreneurId: uuid, withdrawnOn: date }, ['entrepreneurId', 'withdrawnOn'])),
  journey('PersonalDataErased', ['PersonalDataErased'],
    'The person exercised the right to erasure (UU PDP): drop everything you hold that links to this entrepreneur id. Aggregates without the id may stay.',
    object({ entrepreneurId: uuid }, ['entrepreneurId'])),
  journey('ProcessingRestricted', ['ProcessingRestricted'],
    'The person exercised the right to restriction (UU PDP): keep what you hold on this entrepreneur id but stop processing it (no new records, reports, matching or decisions) until ProcessingRestrictionLifted.',
    object({ entrepreneurId: uuid, restrictedOn: date }, ['entrepreneurId', 'restrictedOn'])),
  journey('ProcessingRestrictionLifted', ['ProcessingRestrictionLifted'], 'The restriction of processing ended: this entrepreneur id may be processed again.',
    object({ entrepreneurId: uuid, liftedOn: date }, ['entrepreneurId', 'liftedOn'])),
  groups('GroupFormed', ['GroupFormed'], 'A kelompok was formed for a programme.',
    object({ groupId: uuid, kecamatanCode: kecamatan, programme, formedOn: date, maxMembers: { type: 'integer', minimum: 1 } },
      ['groupId', 'kecamatanCode', 'programme', 'formedOn', 'maxMembers'])),
  groups('MemberJoined', ['MemberJoined'], 'An entrepreneur joined a kelompok.',
    object({ groupId: uuid, entrepreneurId: uuid, joinedOn: date }, ['groupId', 'entrepreneurId', 'joinedOn'])),
];

export function messageSpec(type: string): MessageSpec | undefined {
  return MESSAGE_CATALOGUE.find((m) => m.type === type);
}
