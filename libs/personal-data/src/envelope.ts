import { open, seal } from './crypto/aes-gcm';

/**
 * The personal fields of one event, sealed together as one JSON object: one envelope per event
 * also hides which personal fields were present. `sub` is the person (a uuid, not personal data),
 * `kid` the version of their data key.
 */
export interface PiiEnvelope {
  v: 1;
  sub: string;
  kid: number;
  iv: string;
  ct: string;
  tag: string;
}

export const PII_FIELD = '_pii';
/** Set on decrypted data whose personal fields were crypto-shredded. */
export const ERASED_FIELD = '_erased';

const aad = (subjectId: string, keyVersion: number) => `jejak-pii:v1:${subjectId}:${keyVersion}`;

export function envelopeOf(data: unknown): PiiEnvelope | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const e = (data as Record<string, unknown>)[PII_FIELD];
  if (typeof e !== 'object' || e === null) return undefined;
  const env = e as PiiEnvelope;
  if (env.v !== 1) throw new Error(`unknown personal data envelope version ${String(env.v)}`);
  return env;
}

/** True for decrypted data of a person whose key was destroyed. */
export function isErasedData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>)[ERASED_FIELD] === true;
}

export function sealFields<T extends object>(subjectId: string, key: Buffer, keyVersion: number, data: T, fields: readonly string[]): T {
  const source = data as Record<string, unknown>;
  if (PII_FIELD in source) throw new Error('data already carries a personal data envelope');
  const personal: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(source)) {
    if (fields.includes(name)) {
      if (value !== undefined) personal[name] = value;
    } else rest[name] = value;
  }
  if (Object.keys(personal).length === 0) return data;
  const s = seal(key, Buffer.from(JSON.stringify(personal), 'utf8'), aad(subjectId, keyVersion));
  const envelope: PiiEnvelope = { v: 1, sub: subjectId, kid: keyVersion, iv: s.iv.toString('base64'), ct: s.ct.toString('base64'), tag: s.tag.toString('base64') };
  return { ...rest, [PII_FIELD]: envelope } as T;
}

export function openFields<T extends object>(key: Buffer, data: T): T {
  const envelope = envelopeOf(data);
  if (!envelope) return data;
  const plain = open(
    key,
    { iv: Buffer.from(envelope.iv, 'base64'), ct: Buffer.from(envelope.ct, 'base64'), tag: Buffer.from(envelope.tag, 'base64') },
    aad(envelope.sub, envelope.kid),
  );
  return { ...withoutEnvelope(data), ...(JSON.parse(plain.toString('utf8')) as object) } as T;
}

/** The non-personal part of erased data, marked so readers can show "erased" instead of blanks. */
export function erasedFields<T extends object>(data: T): T {
  return { ...withoutEnvelope(data), [ERASED_FIELD]: true } as T;
}

function withoutEnvelope<T extends object>(data: T): T {
  const { [PII_FIELD]: _envelope, ...rest } = data as Record<string, unknown>;
  return rest as T;
}
