import { UniqueClaimViolationError } from '@jejak/event-store';
import { NIK_CLAIM_SCOPE } from '@jejak/personal-data';
import { ConflictError, ErrorCode } from '../../domain';

/** Scope of the claim that keeps one TKM Pemula grant per person, keyed by the NIK's HMAC. */
export const PEMULA_GRANT_CLAIM_SCOPE = 'tkm_pemula_grant';

/** A claim refused by the store is a business conflict; say which one in the domain's codes. */
export async function translateClaimViolation<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (e) {
    if (!(e instanceof UniqueClaimViolationError)) throw e;
    if (e.scope === NIK_CLAIM_SCOPE) throw new ConflictError(ErrorCode.ALREADY_REGISTERED, 'a person with this NIK is already registered', 'nik');
    if (e.scope === PEMULA_GRANT_CLAIM_SCOPE)
      throw new ConflictError(ErrorCode.GRANT_ALREADY_RECEIVED, 'this person already received a TKM Pemula grant', 'programme', { programme: 'TKM Pemula' });
    throw e;
  }
}
