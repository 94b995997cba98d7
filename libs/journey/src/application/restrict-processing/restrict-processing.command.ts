import type { RestrictProcessing } from '../../domain';
import type { CommandMeta, EntrepreneurInput } from '../shared/command-meta';

/** The person's right to restriction of processing (UU PDP): a ProcessingRestricted event. */
export class RestrictProcessingCommand {
  constructor(
    readonly entrepreneurId: string,
    readonly input: EntrepreneurInput<RestrictProcessing>,
    readonly meta: CommandMeta,
  ) {}
}
