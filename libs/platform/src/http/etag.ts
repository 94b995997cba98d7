import type { Response } from 'express';
import { InvalidIfMatchError, PreconditionFailedError, PreconditionRequiredError } from './http-errors';

/** The ETag of a case is its stream version, as a strong validator: `"7"`. */
export const etagOf = (version: number): string => `"${version}"`;

export function setEtag(res: Pick<Response, 'setHeader'>, version: number): void {
  res.setHeader('ETag', etagOf(version));
}

/**
 * The version named by `If-Match`, or undefined when the header is absent. Accepts `"7"` (and a
 * bare 7 from hand-written clients); weak validators and lists are refused because a write must
 * name exactly one version (RFC 9110 strong comparison).
 */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (value === '') return undefined;
  const m = /^"?(\d{1,9})"?$/.exec(value);
  if (!m || (value.startsWith('"') !== value.endsWith('"'))) throw new InvalidIfMatchError();
  return Number(m[1]);
}

/** For writes to an existing case: the expected version, or 428 when the header is missing. */
export function requireIfMatch(header: string | string[] | undefined): number {
  const version = parseIfMatch(header);
  if (version === undefined) throw new PreconditionRequiredError();
  return version;
}

/** 412 unless the case is still at the version the caller read. */
export function assertVersionMatches(expectedVersion: number, actualVersion: number): void {
  if (expectedVersion !== actualVersion) throw new PreconditionFailedError(expectedVersion, actualVersion);
}

/**
 * Runs a write whose expected version came from `If-Match`: if the store reports a concurrent
 * change (someone appended between load and append), the caller's copy is stale, so the answer
 * is 412 rather than the store's generic 409.
 */
export async function withIfMatch<T>(expectedVersion: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === 'STREAM.WRONG_EXPECTED_VERSION') {
      const actual = (e as { actual?: unknown }).actual;
      throw new PreconditionFailedError(expectedVersion, typeof actual === 'number' ? actual : undefined);
    }
    throw e;
  }
}
