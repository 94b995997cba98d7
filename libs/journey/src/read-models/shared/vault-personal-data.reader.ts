import type { RecordedEvent } from '@jejak/event-store';
import { PII_FIELD, type PersonalDataVault } from '@jejak/personal-data';
import type { PersonalDataReader } from './personal-data.port';

function subjectOf(event: RecordedEvent): string | undefined {
  const envelope = (event.data as Record<string, unknown> | null)?.[PII_FIELD] as { sub?: unknown } | undefined;
  return typeof envelope?.sub === 'string' ? envelope.sub : undefined;
}

/** Opens a batch with one key lookup (cache misses only); erased people come back without personal fields. */
export function vaultPersonalDataReader(vault: PersonalDataVault): PersonalDataReader {
  return {
    async reveal<E extends RecordedEvent>(events: readonly E[]): Promise<E[]> {
      const subjects = new Set<string>();
      for (const e of events) {
        const sub = subjectOf(e);
        if (sub !== undefined) subjects.add(sub);
      }
      if (subjects.size === 0) return [...events];
      const keys = await vault.keysFor(subjects);
      return events.map((e) => (subjectOf(e) === undefined ? e : { ...e, data: keys.open(e.data as object) }));
    },
  };
}
