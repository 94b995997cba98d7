import type { ErasePersonalData } from '../../domain';
import type { CommandMeta, EntrepreneurInput } from '../shared/command-meta';

/** The person's right to erasure (UU PDP): crypto-shredding plus a PersonalDataErased event. */
export class ErasePersonalDataCommand {
  constructor(
    readonly entrepreneurId: string,
    readonly input: EntrepreneurInput<ErasePersonalData>,
    readonly meta: CommandMeta,
  ) {}
}
