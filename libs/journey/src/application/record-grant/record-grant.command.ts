import type { RecordGrant } from '../../domain';
import type { CommandMeta, EntrepreneurInput } from '../shared/command-meta';

/** Records assistance received (TKM Pemula, Lanjutan, WUB or other). */
export class RecordGrantCommand {
  constructor(
    readonly entrepreneurId: string,
    readonly input: EntrepreneurInput<RecordGrant>,
    readonly meta: CommandMeta,
  ) {}
}
