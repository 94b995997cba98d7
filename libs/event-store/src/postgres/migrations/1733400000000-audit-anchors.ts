import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from './append-only-table';

/**
 * Audit anchors (docs/adr/0009-audit-anchors.md): a chain of digests over the global order, so
 * that an auditor who wrote down an anchor's digest can prove later that no event up to it was
 * edited, added or removed, even by someone who rewrote a stream's whole hash chain.
 *
 * Append-only like `events`: the same kind of trigger refuses UPDATE, DELETE and TRUNCATE, and
 * the application role may only read and insert. `jejak_anchor_digest` is the one definition of
 * an anchor's digest, used by sealing and verifying alike.
 */
export class AuditAnchors1733400000000 implements MigrationInterface {
  name = 'AuditAnchors1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_anchors (
        anchor_number integer PRIMARY KEY CHECK (anchor_number >= 1),
        from_position bigint NOT NULL,
        to_position bigint NOT NULL,
        event_count bigint NOT NULL CHECK (event_count > 0),
        events_digest bytea NOT NULL,
        previous_digest bytea,
        digest bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (to_position > from_position),
        CHECK ((anchor_number = 1) = (previous_digest IS NULL))
      )`);
    await q.query(`
      CREATE FUNCTION jejak_anchor_digest(previous bytea, to_position bigint, event_count bigint, events_digest bytea) RETURNS bytea
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT sha256(coalesce(previous, ''::bytea) || int8send(to_position) || int8send(event_count) || events_digest)
      $$`);
    await makeAppendOnly(q, {
      table: 'audit_anchors',
      fn: 'jejak_anchors_immutable',
      message: 'audit anchors are immutable',
      errcode: 'JJ002',
      hint: 'anchors are only ever appended',
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_anchors`);
    await q.query(`DROP FUNCTION jejak_anchors_immutable()`);
    await q.query(`DROP FUNCTION jejak_anchor_digest(bytea, bigint, bigint, bytea)`);
  }
}
