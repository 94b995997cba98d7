import type { GraduateToLanjutan } from '../../domain';
import type { CommandMeta, EntrepreneurInput } from '../shared/command-meta';

/** Records graduation to TKM Lanjutan on an existing case. */
export class GraduateToLanjutanCommand {
  constructor(
    readonly entrepreneurId: string,
    readonly input: EntrepreneurInput<GraduateToLanjutan>,
    readonly meta: CommandMeta,
  ) {}
}
