import type { Pool, PoolClient } from 'pg';
import { AuditAnchorNotFoundError } from '../errors';
import { HEAD_POSITION_SQL } from './postgres-event-store';

/** One link of the chain of digests over the global order (docs/adr/0009-audit-anchors.md). Digests are hex. */
export interface AuditAnchor {
  anchorNumber: number;
  /** exclusive */
  fromPosition: number;
  /** inclusive */
  toPosition: number;
  eventCount: number;
  eventsDigest: string;
  previousDigest: string | null;
  digest: string;
  createdAt: Date;
}

export interface AnchorVerification {
  valid: boolean;
  checkedAnchors: number;
  checkedEvents: number;
  firstBrokenAnchor: number | null;
  /** the event to blame, when one is */
  firstBrokenPosition: number | null;
  /** why it is broken, in a sentence; null when valid */
  reason: string | null;
  /** the anchor asked for, or the newest one: what the auditor writes down */
  latest: { anchorNumber: number; toPosition: number; digest: string } | null;
}

export interface AuditAnchorsOptions {
  /** at most this many events per anchor (default 100,000), so each is sealed and verified in one bounded statement */
  maxEventsPerAnchor?: number;
}

/** Session advisory lock that serialises seals across processes ('jjan'; a class of its own). */
export const AUDIT_SEAL_LOCK = [0x6a6a616e, 1] as const;
const SEAL_LOCK = AUDIT_SEAL_LOCK.join(', ');

const ANCHOR_COLUMNS = `anchor_number, from_position, to_position, event_count, encode(events_digest, 'hex') AS events_digest,
  encode(previous_digest, 'hex') AS previous_digest, encode(digest, 'hex') AS digest, created_at`;

/** ADR 0009: the events' stored hashes in global order, concatenated, hashed. */
const EVENTS_DIGEST = `sha256(coalesce(string_agg(hash, ''::bytea ORDER BY global_position), ''::bytea))`;

/** The next anchor: after the last one, up to $1 (the head read once per seal), at most $2 events; no row when none are new. */
const SEAL_NEXT = `
  WITH base AS (
    SELECT coalesce(l.anchor_number, 0) AS n, coalesce(l.to_position, 0) AS from_position, l.digest AS previous
    FROM (SELECT 1) one LEFT JOIN (SELECT * FROM audit_anchors ORDER BY anchor_number DESC LIMIT 1) l ON true),
  covered AS (
    SELECT e.global_position, e.hash FROM events e, base
    WHERE e.global_position > base.from_position AND e.global_position <= $1 ORDER BY e.global_position LIMIT $2),
  sealed AS (SELECT count(*) AS event_count, max(global_position) AS to_position, ${EVENTS_DIGEST} AS events_digest FROM covered)
  INSERT INTO audit_anchors (anchor_number, from_position, to_position, event_count, events_digest, previous_digest, digest)
  SELECT b.n + 1, b.from_position, s.to_position, s.event_count, s.events_digest, b.previous,
         jejak_anchor_digest(b.previous, s.to_position, s.event_count, s.events_digest)
  FROM base b, sealed s WHERE s.event_count > 0
  RETURNING ${ANCHOR_COLUMNS}`;

/**
 * One anchor's range recomputed: its digests from the stored hashes and the previous anchor's
 * stored digest ($3), and every event against its content, chained to the stored hash of its
 * stream's previous version (looked up per event in the unique (stream, version) index).
 */
const CHECK_RANGE = `
  SELECT v.event_count, encode(v.events_digest, 'hex') AS events_digest,
         encode(jejak_anchor_digest(decode($3, 'hex'), $2, v.event_count, v.events_digest), 'hex') AS digest,
         v.first_orphan, v.first_mismatch
  FROM (
    SELECT count(*) AS event_count, ${EVENTS_DIGEST} AS events_digest,
           min(global_position) FILTER (WHERE stream_version <> 1 AND previous IS NULL) AS first_orphan,
           min(global_position) FILTER (WHERE matches IS NOT TRUE) AS first_mismatch
    FROM (
      SELECT e.global_position, e.hash, e.stream_version, x.previous,
             e.hash = jejak_event_hash(x.previous, e.stream_id, e.stream_version, e.event_id, e.event_type,
                                       e.schema_version, e.data, e.metadata, e.recorded_at) AS matches
      FROM events e, LATERAL (SELECT (SELECT p.hash FROM events p
                                      WHERE p.stream_id = e.stream_id AND p.stream_version = e.stream_version - 1) AS previous) x
      WHERE e.global_position > $1 AND e.global_position <= $2) r
  ) v`;

interface AnchorRow {
  anchor_number: number;
  from_position: string;
  to_position: string;
  event_count: string;
  events_digest: string;
  previous_digest: string | null;
  digest: string;
  created_at: Date;
}

interface RangeRow {
  event_count: string;
  events_digest: string;
  digest: string;
  first_orphan: string | null;
  first_mismatch: string | null;
}

type Finding = Pick<AnchorVerification, 'firstBrokenPosition' | 'reason'>;

/**
 * Audit anchors over the PostgreSQL event log: `seal()` appends anchors up to the gap-safe head,
 * `verify()` recomputes them from the events, `list()` pages through them.
 */
export class AuditAnchors {
  private readonly maxEventsPerAnchor: number;

  constructor(
    private readonly pool: Pool,
    options: AuditAnchorsOptions = {},
  ) {
    this.maxEventsPerAnchor = options.maxEventsPerAnchor ?? 100_000;
    if (!Number.isInteger(this.maxEventsPerAnchor) || this.maxEventsPerAnchor < 1) throw new RangeError(`maxEventsPerAnchor must be a positive integer`);
  }

  /** Seals every event up to the gap-safe head; waits for a seal running elsewhere. The anchors made, none if nothing was new. */
  async seal(): Promise<AuditAnchor[]> {
    return (await this.sealUnderLock(true))!;
  }

  /**
   * As seal(), but null at once when another seal is running (the periodic seal of several
   * processes). `stopping()` is asked between anchors: a process shutting down ends the round after
   * the anchor under way (each is its own transaction), instead of sealing a whole backlog first.
   */
  trySeal(stopping: () => boolean = () => false): Promise<AuditAnchor[] | null> {
    return this.sealUnderLock(false, stopping);
  }

  async list(after = 0, limit = 100): Promise<AuditAnchor[]> {
    const { rows } = await this.pool.query<AnchorRow>(
      `SELECT ${ANCHOR_COLUMNS} FROM audit_anchors WHERE anchor_number > $1 ORDER BY anchor_number LIMIT $2`,
      [after, limit],
    );
    return rows.map(toAnchor);
  }

  async latest(): Promise<AuditAnchor | null> {
    const { rows } = await this.pool.query<AnchorRow>(`SELECT ${ANCHOR_COLUMNS} FROM audit_anchors ORDER BY anchor_number DESC LIMIT 1`);
    return rows.length ? toAnchor(rows[0]) : null;
  }

  /** One anchor (against the previous one's stored digest), or every anchor in order, stopping at the first broken one. */
  async verify(anchorNumber?: number): Promise<AnchorVerification> {
    if (anchorNumber !== undefined) return this.verifyOne(anchorNumber);
    const latest = await this.latest();
    const result = verification(latest);
    let previous: AuditAnchor | null = null;
    for (;;) {
      const page = await this.list(previous?.anchorNumber ?? 0, 500);
      for (const anchor of page) {
        if (!(await this.check(previous, anchor, result))) return result;
        previous = anchor;
      }
      if (page.length < 500) return result;
    }
  }

  private async verifyOne(anchorNumber: number): Promise<AnchorVerification> {
    const { rows } = await this.pool.query<AnchorRow>(
      `SELECT ${ANCHOR_COLUMNS} FROM audit_anchors WHERE anchor_number IN ($1 - 1, $1) ORDER BY anchor_number`,
      [anchorNumber],
    );
    const [anchor, previous = null] = rows.map(toAnchor).reverse();
    if (anchor?.anchorNumber !== anchorNumber) throw new AuditAnchorNotFoundError(anchorNumber);
    const result = verification(anchor);
    if (anchorNumber > 1 && !previous) {
      result.checkedAnchors++;
      return Object.assign(result, { valid: false, firstBrokenAnchor: anchorNumber, reason: `anchor ${anchorNumber - 1} is missing` });
    }
    await this.check(previous, anchor, result);
    return result;
  }

  /** Adds the anchor to `result`; false (and `result` says why) when it is broken. */
  private async check(previous: AuditAnchor | null, anchor: AuditAnchor, result: AnchorVerification): Promise<boolean> {
    result.checkedAnchors++;
    const finding = linkProblem(previous, anchor) ?? (await this.rangeProblem(previous, anchor, result));
    if (!finding) return true;
    Object.assign(result, { valid: false, firstBrokenAnchor: anchor.anchorNumber, ...finding });
    return false;
  }

  private async rangeProblem(previous: AuditAnchor | null, anchor: AuditAnchor, result: AnchorVerification): Promise<Finding | null> {
    const { rows } = await this.pool.query<RangeRow>(CHECK_RANGE, [anchor.fromPosition, anchor.toPosition, previous?.digest ?? null]);
    const found = rows[0];
    const n = anchor.anchorNumber;
    result.checkedEvents += Number(found.event_count);
    const orphan = found.first_orphan === null ? null : Number(found.first_orphan);
    const mismatch = found.first_mismatch === null ? null : Number(found.first_mismatch);
    const blamed = orphan !== null && (mismatch === null || orphan <= mismatch) ? orphan : mismatch;
    if (blamed !== null) {
      const { rows: at } = await this.pool.query(`SELECT stream_id, stream_version FROM events WHERE global_position = $1`, [blamed]);
      const event = `event ${blamed} (${at[0].stream_id} version ${at[0].stream_version})`;
      const reason = blamed === orphan ? `${event}: version ${at[0].stream_version - 1} of its stream is missing` : `${event}: its content does not match its stored hash`;
      return { firstBrokenPosition: blamed, reason };
    }
    if (Number(found.event_count) !== anchor.eventCount)
      return { firstBrokenPosition: null, reason: `anchor ${n} sealed ${anchor.eventCount} events, its range now holds ${found.event_count}` };
    if (found.events_digest !== anchor.eventsDigest)
      return { firstBrokenPosition: null, reason: `the events in the range of anchor ${n} are not those sealed: their hashes differ` };
    if (found.digest !== anchor.digest)
      return { firstBrokenPosition: null, reason: `the digest of anchor ${n} does not follow from its events and the digest of anchor ${n - 1}` };
    return null;
  }

  private async sealUnderLock(wait: boolean, stopping: () => boolean = () => false): Promise<AuditAnchor[] | null> {
    const client = await this.pool.connect();
    let failed = false;
    try {
      if (!(await lock(client, wait))) return null;
      const { rows: head } = await client.query(HEAD_POSITION_SQL);
      const sealed: AuditAnchor[] = [];
      // one statement per anchor, each its own transaction: the seal's transaction id, which holds
      // back every reader of the global order (ADR 0002), lives only while one anchor is written
      while (!stopping()) {
        const { rows } = await client.query<AnchorRow>(SEAL_NEXT, [head[0].p, this.maxEventsPerAnchor]);
        if (!rows.length) break;
        sealed.push(toAnchor(rows[0]));
      }
      await client.query(`SELECT pg_advisory_unlock(${SEAL_LOCK})`);
      return sealed;
    } catch (e) {
      failed = true;
      throw e;
    } finally {
      // a connection that may still hold the lock is closed, never pooled
      client.release(failed);
    }
  }
}

async function lock(client: PoolClient, wait: boolean): Promise<boolean> {
  if (wait) {
    await client.query(`SELECT pg_advisory_lock(${SEAL_LOCK})`);
    return true;
  }
  const { rows } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${SEAL_LOCK}) AS ok`);
  return rows[0].ok;
}

/** The chain's own links: numbers without gaps, contiguous ranges, each naming its predecessor's digest. */
function linkProblem(previous: AuditAnchor | null, anchor: AuditAnchor): Finding | null {
  const n = anchor.anchorNumber;
  const expected = (previous?.anchorNumber ?? 0) + 1;
  const broken = (reason: string): Finding => ({ firstBrokenPosition: null, reason });
  if (n !== expected) return broken(n === expected + 1 ? `anchor ${expected} is missing` : `anchors ${expected} to ${n - 1} are missing`);
  if (anchor.fromPosition !== (previous?.toPosition ?? 0))
    return broken(`anchor ${n} starts after position ${anchor.fromPosition}, but anchor ${n - 1} ended at ${previous?.toPosition ?? 0}`);
  if (anchor.previousDigest !== (previous?.digest ?? null)) return broken(`anchor ${n} does not name the digest of anchor ${n - 1}`);
  return null;
}

function verification(latest: AuditAnchor | null): AnchorVerification {
  return {
    valid: true,
    checkedAnchors: 0,
    checkedEvents: 0,
    firstBrokenAnchor: null,
    firstBrokenPosition: null,
    reason: null,
    latest: latest && { anchorNumber: latest.anchorNumber, toPosition: latest.toPosition, digest: latest.digest },
  };
}

function toAnchor(r: AnchorRow): AuditAnchor {
  return {
    anchorNumber: r.anchor_number,
    fromPosition: Number(r.from_position),
    toPosition: Number(r.to_position),
    eventCount: Number(r.event_count),
    eventsDigest: r.events_digest,
    previousDigest: r.previous_digest,
    digest: r.digest,
    createdAt: r.created_at,
  };
}
