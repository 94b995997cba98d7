import type { EventMetadata, EventStore, NewEvent, StreamAppend } from '@jejak/event-store';
import { EVENT_SCHEMA_VERSIONS, personalFieldsOf, type DecisionContext, type JourneyEvent, type RegionDirectory } from '@jejak/journey/domain';
import type { NikHasher, PersonalDataVault } from '@jejak/personal-data';
import { planChunk } from './chunk-plan';
import { decideChunk, type DecidedStream } from './decide-plan';
import { Prng } from './prng';

export interface SeedOptions {
  store: EventStore;
  vault: PersonalDataVault;
  nikHasher: NikHasher;
  regions: RegionDirectory;
  entrepreneurs: number;
  seed?: number;
  /** the demo's "today" (YYYY-MM-DD); journeys run up to it. Fixed by default so a seed is reproducible. */
  today?: string;
  /** people planned and appended together (groups form within a chunk) */
  chunkSize?: number;
  /** appends in flight at once */
  concurrency?: number;
  onProgress?(done: { entrepreneurs: number; events: number }): void;
}

export interface SeedResult {
  entrepreneurs: number;
  groups: number;
  events: number;
  lastPosition: number;
  seconds: number;
}

export const DEFAULT_DEMO_TODAY = '2026-11-01';

/**
 * Loads deterministic demo journeys through the real domain: planned commands are decided by the
 * deciders, personal fields sealed per person, the NIK claimed by its HMAC, and each chunk of
 * streams appended atomically with appendMany: the same events the API would have recorded.
 */
export async function seedDemo(o: SeedOptions): Promise<SeedResult> {
  const started = process.hrtime.bigint();
  const today = o.today ?? DEFAULT_DEMO_TODAY;
  const chunkSize = o.chunkSize ?? 500;
  const ctx = { prng: new Prng(o.seed ?? 1), regions: o.regions, today, now: `${today}T10:00:00.000Z`, usedNiks: new Set<string>() };
  const decision: DecisionContext = { regions: o.regions };
  const inFlight = new Set<Promise<void>>();
  const totals = { entrepreneurs: 0, groups: 0, events: 0, lastPosition: 0 };
  let failure: unknown;
  for (let done = 0; done < o.entrepreneurs && !failure; done += chunkSize) {
    const decided = decideChunk(planChunk(ctx, Math.min(chunkSize, o.entrepreneurs - done)), decision);
    const seal = await o.vault.sealerFor(decided.people.map((p) => p.subjectId));
    const appends = [...decided.groups.map((g) => toAppend(g, undefined, ctx.prng)), ...decided.people.map((p) => toAppend(p, seal, ctx.prng, o.nikHasher))];
    const events = appends.reduce((n, a) => n + a.events.length, 0);
    const write: Promise<void> = o.store
      .appendMany(appends)
      .then((results) => {
        totals.entrepreneurs += decided.people.length;
        totals.groups += decided.groups.length;
        totals.events += events;
        totals.lastPosition = Math.max(totals.lastPosition, ...results.map((r) => r.lastPosition));
        o.onProgress?.({ entrepreneurs: totals.entrepreneurs, events: totals.events });
      })
      .catch((e: unknown) => void (failure ??= e))
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
    if (inFlight.size >= (o.concurrency ?? 2)) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  return { ...totals, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

type Sealer = Awaited<ReturnType<PersonalDataVault['sealerFor']>>;

function toAppend(stream: DecidedStream<JourneyEvent>, seal: Sealer | undefined, prng: Prng, nikHasher?: NikHasher): StreamAppend {
  const correlationId = prng.uuid();
  const events: NewEvent[] = stream.events.map((e) => {
    const fields = personalFieldsOf(e.type);
    const data = seal && fields.length ? seal(stream.subjectId, e.data, fields) : e.data;
    const commandId = prng.uuid();
    const metadata: EventMetadata = {
      actorId: stream.actorId,
      actorRole: 'caseworker',
      correlationId,
      causationId: commandId,
      commandId,
      // seeded records are entered on the day they happened, at 09:00 WIB
      occurredAt: `${businessDate(e)}T02:00:00.000Z`,
    };
    return { id: prng.uuid(), type: e.type, schemaVersion: EVENT_SCHEMA_VERSIONS[e.type], data, metadata };
  });
  const claims = stream.nik && nikHasher ? [nikHasher.claim(stream.nik)] : [];
  return { streamId: stream.streamId, events, options: { expectedVersion: 'no_stream', claims } };
}

const DATE_FIELDS = ['registeredOn', 'completedOn', 'receivedOn', 'visitedOn', 'graduatedOn', 'withdrawnOn', 'formedOn', 'joinedOn'] as const;

function businessDate(e: JourneyEvent): string {
  const data = e.data as Record<string, unknown>;
  for (const f of DATE_FIELDS) if (typeof data[f] === 'string') return data[f] as string;
  return DEFAULT_DEMO_TODAY;
}
