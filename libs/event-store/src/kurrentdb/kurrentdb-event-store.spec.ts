import { randomUUID } from 'node:crypto';
import { jsonEvent, KurrentDBClient, type KurrentDBClient as Client } from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError } from '../errors';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { newEvent } from '../testing/fixtures';
import { ENVELOPE, fromRecord, readPositionAfter, toEventData, toGlobalPosition, type KurrentRecord } from './kurrentdb-envelope';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { checkExpected, exactState, retriesOnConflict, versionOfState } from './kurrentdb-expected-version';
import { claimAppend, claimStreamName } from './unique-claim-streams';

/**
 * The shared contract against a real KurrentDB (deploy/docker-compose.yml starts one). No server
 * can be installed on the development machines, so without KURRENTDB_URL the suite is not
 * declared at all and says so once; the pure mapping and hash tests beside this file always run.
 */
const url = process.env.KURRENTDB_URL;

if (url) {
  describeEventStoreContract('KurrentDB', () => {
    const client = KurrentDBClient.connectionString(url);
    return {
      create: async (options) => new KurrentDbEventStore(client, { upcasters: options?.upcasters }),
      tamper: (streamId, version, data) => rewriteStream(client, streamId, version, data),
      teardown: () => client.dispose(),
    };
  });
} else {
  console.info('KurrentDB contract suite not run: KURRENTDB_URL is not set');
}

/**
 * KurrentDB cannot change a stored event: the closest an administrator gets is deleting the
 * stream and writing it again with one event altered and the original hashes copied. Revisions
 * never restart after a delete, so the copies carry versions after the originals and the
 * chain must break at the first copy.
 */
async function rewriteStream(client: Client, streamId: string, version: number, data: unknown) {
  const originals = [];
  for await (const r of client.readStream(streamId)) if (r.event) originals.push(r.event);
  await client.deleteStream(streamId);
  const copies = originals.map((o) =>
    jsonEvent({ id: randomUUID(), type: o.type, data: (Number(o.revision) + 1 === version ? data : o.data) as never, metadata: o.metadata as never }),
  );
  await client.appendToStream(streamId, copies);
  return { checkedEvents: originals.length, firstBrokenVersion: Number(originals[originals.length - 1].revision) + 2 };
}

describe('KurrentDB mapping: expected versions', () => {
  it('appends on the exact revision the store read: version n is revision n - 1, version 0 is no stream', () => {
    expect(exactState(0)).toBe('no_stream');
    expect(exactState(1)).toBe(0n);
    expect(exactState(42)).toBe(41n);
  });

  it.each([
    ['no_stream', 0, true],
    ['no_stream', 1, false],
    ['stream_exists', 0, false],
    ['stream_exists', 3, true],
    ['any', 0, true],
    ['any', 7, true],
    [2, 2, true],
    [2, 3, false],
  ] as const)('expected %p on a stream at version %i is accepted: %s', (expected, head, ok) => {
    const check = () => checkExpected('test-s', expected, head);
    if (ok) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: 'STREAM.WRONG_EXPECTED_VERSION', actual: head }) as unknown as Error);
  });

  it('reports the server\'s actual state as a version, and retries a lost race only when no version was pinned', () => {
    expect(versionOfState('no_stream')).toBe(0);
    expect(versionOfState(4n)).toBe(5);
    expect([retriesOnConflict('any'), retriesOnConflict('stream_exists'), retriesOnConflict('no_stream'), retriesOnConflict(3)]).toEqual([true, true, false, false]);
    expect(() => checkExpected('test-s', 1, 0)).toThrow(WrongExpectedVersionError);
  });
});

describe('KurrentDB mapping: positions', () => {
  it('uses the commit position, which equals the prepare position for every appended event', () => {
    expect(toGlobalPosition({ commit: 1234n, prepare: 1234n }, 'e')).toBe(1234);
  });

  it('refuses what one number cannot address: explicit transactions, positions past 2^53, none at all', () => {
    expect(() => toGlobalPosition({ commit: 2000n, prepare: 1500n }, 'e')).toThrow(/explicit transaction/);
    expect(() => toGlobalPosition({ commit: 2n ** 53n, prepare: 2n ** 53n }, 'e')).toThrow(RangeError);
    expect(() => toGlobalPosition(undefined, 'e')).toThrow(/22.6/);
  });

  it('reads after a position from that position (the server bound is inclusive), and from the start after 0', () => {
    expect(readPositionAfter(0)).toBe('start');
    expect(readPositionAfter(987)).toEqual({ commit: 987n, prepare: 987n });
  });
});

describe('KurrentDB mapping: the envelope', () => {
  it('keeps every field of the port through a write and a read, in string-valued metadata', () => {
    const e = { ...newEvent('Registered', { nama: 'Siti' }, 2), metadata: { ...newEvent().metadata, reason: 'koreksi' } };
    const recordedAt = new Date('2025-01-02T03:04:05.006Z');
    const written = toEventData(e, { hash: 'ab'.repeat(32), recordedAt });
    expect(Object.values(written.metadata as object).every((v) => typeof v === 'string')).toBe(true);
    expect(written.metadata).toMatchObject({ $correlationId: e.metadata.correlationId, $causationId: e.metadata.causationId });
    const record: KurrentRecord = {
      streamId: 'test-x',
      id: written.id,
      revision: 6n,
      type: written.type,
      data: written.data,
      metadata: written.metadata,
      position: { commit: 5150n, prepare: 5150n },
    };
    expect(fromRecord(record)).toEqual({ ...e, streamId: 'test-x', streamVersion: 7, globalPosition: 5150, recordedAt, hash: 'ab'.repeat(32) });
  });

  it('refuses an event another tool wrote without the envelope, naming what is missing', () => {
    const foreign: KurrentRecord = { streamId: 'other-x', id: 'e', revision: 0n, type: 'Foo', data: {}, metadata: {}, position: { commit: 1n, prepare: 1n } };
    expect(() => fromRecord(foreign)).toThrow(new RegExp(ENVELOPE.schemaVersion));
  });
});

describe('KurrentDB unique claims', () => {
  it('claims a key in a stream of its own, created only if it does not exist, with the key hashed', () => {
    const claim = { scope: 'nik', key: 'hmac-3201014101990001' };
    const append = claimAppend(claim, 'entrepreneur-1');
    expect(append).toMatchObject({ streamName: claimStreamName(claim), expectedState: 'no_stream' });
    expect(append.streamName).toMatch(/^jejak\.claim-nik-[0-9a-f]{64}$/);
    expect(append.streamName).not.toContain('3201014101990001');
    expect(claimStreamName({ scope: 'nik', key: 'other' })).not.toBe(append.streamName);
    expect(claimStreamName({ scope: 'npwp', key: claim.key })).not.toBe(append.streamName);
  });
});
