import type { RegisterEntrepreneur } from '../../domain';
import type { CommandMeta, EntrepreneurInput } from '../shared/command-meta';

/** Opens a new case; the id is chosen by the caller of the bus (a fresh uuid), never derived from the NIK. */
export class RegisterEntrepreneurCommand {
  constructor(
    readonly entrepreneurId: string,
    readonly input: EntrepreneurInput<RegisterEntrepreneur>,
    readonly meta: CommandMeta,
  ) {}
}
