import type { CachedKey } from './keys/key-cache';
import { envelopeOf, erasedFields, openFields } from './envelope';
import { DataKeyMissingError } from './errors';

/**
 * The keys of a batch of people, loaded together (PersonalDataVault.keysFor): a projection
 * decrypts a whole batch of events synchronously after one database round trip.
 */
export class SubjectKeys {
  constructor(private readonly keys: ReadonlyMap<string, CachedKey>) {}

  isErased(subjectId: string): boolean {
    return this.keys.get(subjectId)?.state === 'erased';
  }

  /** Restores the personal fields, or returns the non-personal part marked `_erased`. */
  open<T extends object>(data: T): T {
    const envelope = envelopeOf(data);
    if (!envelope) return data;
    const key = this.keys.get(envelope.sub);
    if (!key) throw new DataKeyMissingError(envelope.sub);
    return key.state === 'erased' ? erasedFields(data) : openFields(key.key, data);
  }
}
