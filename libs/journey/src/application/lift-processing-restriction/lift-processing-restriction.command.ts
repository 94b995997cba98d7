import type { LiftProcessingRestriction } from '../../domain';
import type { CommandMeta, EntrepreneurInput } from '../shared/command-meta';

/** Ends a restriction of processing: a ProcessingRestrictionLifted event. */
export class LiftProcessingRestrictionCommand {
  constructor(
    readonly entrepreneurId: string,
    readonly input: EntrepreneurInput<LiftProcessingRestriction>,
    readonly meta: CommandMeta,
  ) {}
}
