import type { IntegrationEvent } from './integration-event';

/**
 * Topic `jejak.journey.v1`, key = entrepreneur id. Version 1 of each message. Adding an optional
 * field is compatible; renaming, removing or changing the meaning of one makes a `.v2` type.
 * Dates are `YYYY-MM-DD`; amounts are whole rupiah.
 */
export const JOURNEY_MESSAGE_TYPES = {
  EntrepreneurRegistered: 'jejak.journey.EntrepreneurRegistered.v1',
  EntrepreneurRegionCorrected: 'jejak.journey.EntrepreneurRegionCorrected.v1',
  TrainingCompleted: 'jejak.journey.TrainingCompleted.v1',
  GrantDisbursed: 'jejak.journey.GrantDisbursed.v1',
  BusinessMonitored: 'jejak.journey.BusinessMonitored.v1',
  GraduatedToLanjutan: 'jejak.journey.GraduatedToLanjutan.v1',
  CaseWithdrawn: 'jejak.journey.CaseWithdrawn.v1',
  PersonalDataErased: 'jejak.journey.PersonalDataErased.v1',
  ProcessingRestricted: 'jejak.journey.ProcessingRestricted.v1',
  ProcessingRestrictionLifted: 'jejak.journey.ProcessingRestrictionLifted.v1',
} as const;

type T = typeof JOURNEY_MESSAGE_TYPES;

export interface EntrepreneurRegisteredV1 {
  entrepreneurId: string;
  /** Kemendagri kecamatan code `PP.KK.CC` (never the village or the address) */
  kecamatanCode: string;
  registeredOn: string;
}

export interface EntrepreneurRegionCorrectedV1 {
  entrepreneurId: string;
  /** the kecamatan now on record; may equal the previous one when only the village was corrected */
  kecamatanCode: string;
}

export interface TrainingCompletedV1 {
  entrepreneurId: string;
  kind: 'competency' | 'non_competency' | 'entrepreneurship';
  startedOn: string;
  completedOn: string;
  hours?: number;
  certified?: boolean;
}

export interface GrantDisbursedV1 {
  entrepreneurId: string;
  programme: 'TKM_PEMULA' | 'TKM_LANJUTAN' | 'WUB' | 'OTHER';
  amount: number;
  form: 'cash' | 'equipment' | 'mixed';
  fundingSource: 'APBN' | 'APBD' | 'CSR' | 'OTHER';
  receivedOn: string;
  groupId?: string;
}

export interface BusinessMonitoredV1 {
  entrepreneurId: string;
  visitedOn: string;
  businessActive: boolean;
  workersTotal: number;
  paidWorkers?: number;
  unpaidWorkers?: number;
  revenueTrend: 'down' | 'flat' | 'up_to_target' | 'above_target';
  permitStatus?: 'none' | 'rt_letter' | 'in_process' | 'obtained';
  hasNib: boolean;
  equipmentInUse?: boolean;
  obstacles?: ('market_access' | 'packaging' | 'permit' | 'capital' | 'other')[];
}

export interface GraduatedToLanjutanV1 {
  entrepreneurId: string;
  graduatedOn: string;
}

export interface CaseWithdrawnV1 {
  entrepreneurId: string;
  withdrawnOn: string;
}

/** "Entrepreneur X was erased": drop anything you hold that can be linked to this id. */
export interface PersonalDataErasedV1 {
  entrepreneurId: string;
}

/** "Processing of X's data is restricted (UU PDP)": stop processing anything linked to this id until it is lifted. */
export interface ProcessingRestrictedV1 {
  entrepreneurId: string;
  restrictedOn: string;
}

/** The restriction ended: you may process this entrepreneur's data again. */
export interface ProcessingRestrictionLiftedV1 {
  entrepreneurId: string;
  liftedOn: string;
}

export type JourneyIntegrationEvent =
  | IntegrationEvent<T['EntrepreneurRegistered'], EntrepreneurRegisteredV1>
  | IntegrationEvent<T['EntrepreneurRegionCorrected'], EntrepreneurRegionCorrectedV1>
  | IntegrationEvent<T['TrainingCompleted'], TrainingCompletedV1>
  | IntegrationEvent<T['GrantDisbursed'], GrantDisbursedV1>
  | IntegrationEvent<T['BusinessMonitored'], BusinessMonitoredV1>
  | IntegrationEvent<T['GraduatedToLanjutan'], GraduatedToLanjutanV1>
  | IntegrationEvent<T['CaseWithdrawn'], CaseWithdrawnV1>
  | IntegrationEvent<T['PersonalDataErased'], PersonalDataErasedV1>
  | IntegrationEvent<T['ProcessingRestricted'], ProcessingRestrictedV1>
  | IntegrationEvent<T['ProcessingRestrictionLifted'], ProcessingRestrictionLiftedV1>;
