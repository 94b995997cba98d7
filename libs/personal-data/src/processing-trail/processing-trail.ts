import type { Pool } from 'pg';

/** Who read, why and under which request: ids and codes only, never a personal value. */
export interface PersonalDataRead {
  /** a short stable code of what showed the data, e.g. `case.read`, `caseload.search` */
  purpose: string;
  actorId: string;
  actorRole: string;
  correlationId: string;
}

export interface RecordedRead extends PersonalDataRead {
  readId: number;
  subjectId: string;
  /** database time, in milliseconds like an event's recordedAt */
  readAt: Date;
}

/** Where a page of one person's reads resumes: just after this read. */
export interface ReadPosition {
  readAt: Date;
  readId: number;
}

/** Everything one account was shown of one person in a time window. */
export interface SubjectReads {
  subjectId: string;
  reads: number;
  firstReadAt: Date;
  lastReadAt: Date;
  /** the purposes of those reads, sorted */
  purposes: string[];
}

/** The people one account was shown in a window: how many in all, and a page of them by id. */
export interface ReadsByActor {
  people: number;
  subjects: SubjectReads[];
}

interface Row {
  read_id: string;
  subject_id: string;
  read_at: Date;
  actor_id: string;
  actor_role: string;
  purpose: string;
  correlation_id: string;
}

/**
 * The read half of the processing trail (personal_data_reads). Recording is one statement for
 * every person a response showed, awaited before the response goes out: a read whose record
 * cannot be written fails with it instead of going unrecorded.
 */
export class ProcessingTrail {
  constructor(private readonly pool: Pool) {}

  async recordReads(read: PersonalDataRead, subjectIds: Iterable<string>): Promise<void> {
    const subjects = [...new Set(subjectIds)];
    if (subjects.length === 0) return;
    await this.pool.query(
      `INSERT INTO personal_data_reads (subject_id, actor_id, actor_role, purpose, correlation_id)
       SELECT s, $2, $3, $4, $5 FROM unnest($1::uuid[]) AS s`,
      [subjects, read.actorId, read.actorRole, read.purpose, read.correlationId],
    );
  }

  /** One person's reads in time order, after `after` (keyset on the subject/time index). */
  async readsOf(subjectId: string, page: { after?: ReadPosition; limit: number }): Promise<RecordedRead[]> {
    const params: unknown[] = [subjectId, page.limit];
    const after = page.after ? `AND (read_at, read_id) > ($${params.push(page.after.readAt)}, $${params.push(page.after.readId)})` : '';
    const { rows } = await this.pool.query<Row>(
      `SELECT read_id, subject_id, read_at, actor_id, actor_role, purpose, correlation_id FROM personal_data_reads
       WHERE subject_id = $1 ${after} ORDER BY read_at, read_id LIMIT $2`,
      params,
    );
    return rows.map((r) => ({
      readId: Number(r.read_id),
      subjectId: r.subject_id,
      readAt: r.read_at,
      actorId: r.actor_id,
      actorRole: r.actor_role,
      purpose: r.purpose,
      correlationId: r.correlation_id,
    }));
  }

  /**
   * Whose personal data one account was shown from `from` (inclusive) to `to` (exclusive): the
   * people in id order after `afterSubject`, and their number. Served by the actor/time index.
   */
  async readsBy(actorId: string, window: { from: Date; to: Date }, page: { afterSubject?: string; limit: number }): Promise<ReadsByActor> {
    const params: unknown[] = [actorId, window.from, window.to, page.limit];
    const after = page.afterSubject ? `AND subject_id > $${params.push(page.afterSubject)}` : '';
    const [{ rows }, { rows: total }] = await Promise.all([
      this.pool.query<{ subject_id: string; reads: string; first_read_at: Date; last_read_at: Date; purposes: string[] }>(
        `SELECT subject_id, count(*) AS reads, min(read_at) AS first_read_at, max(read_at) AS last_read_at,
                array_agg(DISTINCT purpose ORDER BY purpose) AS purposes
         FROM personal_data_reads WHERE actor_id = $1 AND read_at >= $2 AND read_at < $3 ${after}
         GROUP BY subject_id ORDER BY subject_id LIMIT $4`,
        params,
      ),
      this.pool.query<{ people: string }>(
        `SELECT count(DISTINCT subject_id) AS people FROM personal_data_reads WHERE actor_id = $1 AND read_at >= $2 AND read_at < $3`,
        params.slice(0, 3),
      ),
    ]);
    return {
      people: Number(total[0].people),
      subjects: rows.map((r) => ({ subjectId: r.subject_id, reads: Number(r.reads), firstReadAt: r.first_read_at, lastReadAt: r.last_read_at, purposes: r.purposes })),
    };
  }
}
