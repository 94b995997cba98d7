import { AssignCaseworkerHandler } from './assign-caseworker/assign-caseworker.handler';
import { ReadStreamHistoryHandler, VerifyStreamHandler } from './audit-stream/audit-stream.handlers';
import { CorrectProfileHandler } from './correct-profile/correct-profile.handler';
import { ErasePersonalDataHandler } from './erase-personal-data/erase-personal-data.handler';
import { FormGroupHandler } from './form-group/form-group.handler';
import { GraduateToLanjutanHandler } from './graduate-to-lanjutan/graduate-to-lanjutan.handler';
import { JoinGroupHandler } from './join-group/join-group.handler';
import { LiftProcessingRestrictionHandler } from './lift-processing-restriction/lift-processing-restriction.handler';
import { RecordGrantHandler } from './record-grant/record-grant.handler';
import { RecordMonitoringVisitHandler } from './record-monitoring-visit/record-monitoring-visit.handler';
import { RecordTrainingHandler } from './record-training/record-training.handler';
import { RegisterEntrepreneurHandler } from './register-entrepreneur/register-entrepreneur.handler';
import { RestrictProcessingHandler } from './restrict-processing/restrict-processing.handler';
import { WithdrawHandler } from './withdraw/withdraw.handler';

export type { CommandMeta, WriteResult } from './shared/command-meta';
export { JourneyCommandRunner } from './shared/handle-command';
export { JOURNEY_DECISION_CONTEXT } from './shared/journey-decision-context';
export { RegisterEntrepreneurCommand } from './register-entrepreneur/register-entrepreneur.command';
export { RecordTrainingCommand } from './record-training/record-training.command';
export { RecordGrantCommand } from './record-grant/record-grant.command';
export { RecordMonitoringVisitCommand } from './record-monitoring-visit/record-monitoring-visit.command';
export { GraduateToLanjutanCommand } from './graduate-to-lanjutan/graduate-to-lanjutan.command';
export { WithdrawCommand } from './withdraw/withdraw.command';
export { CorrectProfileCommand } from './correct-profile/correct-profile.command';
export { AssignCaseworkerCommand } from './assign-caseworker/assign-caseworker.command';
export { ErasePersonalDataCommand } from './erase-personal-data/erase-personal-data.command';
export { RestrictProcessingCommand } from './restrict-processing/restrict-processing.command';
export { LiftProcessingRestrictionCommand } from './lift-processing-restriction/lift-processing-restriction.command';
export { FormGroupCommand } from './form-group/form-group.command';
export { JoinGroupCommand } from './join-group/join-group.command';
export { ReadStreamHistoryQuery, VerifyStreamQuery } from './audit-stream/audit-stream.queries';
export type { StreamHistory } from './audit-stream/audit-stream.handlers';

/** Every command and query handler of the write side, for a Nest module's providers. */
export const JOURNEY_WRITE_HANDLERS = [
  RegisterEntrepreneurHandler,
  RecordTrainingHandler,
  RecordGrantHandler,
  RecordMonitoringVisitHandler,
  GraduateToLanjutanHandler,
  WithdrawHandler,
  CorrectProfileHandler,
  AssignCaseworkerHandler,
  ErasePersonalDataHandler,
  RestrictProcessingHandler,
  LiftProcessingRestrictionHandler,
  FormGroupHandler,
  JoinGroupHandler,
  ReadStreamHistoryHandler,
  VerifyStreamHandler,
];
