import type { Pool } from 'pg';
import { NIK_CLAIM_SCOPE } from '../nik-hasher';

/** A row of personal_data_keys as the vault needs it; `wrapped` null means destroyed. */
export interface StoredKey {
  subjectId: string;
  wrapped: Buffer | null;
  version: number;
  masterKeyId: string;
}

interface Row {
  subject_id: string;
  wrapped_key: Buffer | null;
  key_version: number;
  master_key_id: string;
}

const toKey = (r: Row): StoredKey => ({ subjectId: r.subject_id, wrapped: r.wrapped_key, version: r.key_version, masterKeyId: r.master_key_id });

/** The fingerprints a database knows; `adopted`: this call recorded the first one. */
export interface RegisteredFingerprints {
  known: string[];
  adopted: boolean;
}

/** The SQL of personal_data_keys, nothing else: crypto stays in the vault. */
export class DataKeyStore {
  constructor(private readonly pool: Pool) {}

  /** Inserts the key unless the person already has a row (live or destroyed); returns the row that holds. */
  async createIfAbsent(subjectId: string, wrapped: Buffer, masterKeyId: string): Promise<StoredKey> {
    const { rows } = await this.pool.query<Row>(
      `WITH ins AS (
         INSERT INTO personal_data_keys (subject_id, wrapped_key, key_version, master_key_id)
         VALUES ($1, $2, 1, $3) ON CONFLICT (subject_id) DO NOTHING
         RETURNING subject_id, wrapped_key, key_version, master_key_id)
       SELECT * FROM ins
       UNION ALL
       SELECT subject_id, wrapped_key, key_version, master_key_id FROM personal_data_keys
         WHERE subject_id = $1 AND NOT EXISTS (SELECT 1 FROM ins)`,
      [subjectId, wrapped, masterKeyId],
    );
    if (rows.length === 0) return this.createIfAbsent(subjectId, wrapped, masterKeyId); // lost a race with a concurrent insert
    return toKey(rows[0]);
  }

  /** Many people at once (imports, the demo seed): one statement, then the rows that hold. */
  async createManyIfAbsent(keys: readonly { subjectId: string; wrapped: Buffer }[], masterKeyId: string): Promise<StoredKey[]> {
    if (keys.length === 0) return [];
    const { rows } = await this.pool.query<Row>(
      `INSERT INTO personal_data_keys (subject_id, wrapped_key, key_version, master_key_id)
       SELECT s, w, 1, $3 FROM unnest($1::uuid[], $2::bytea[]) AS k(s, w)
       ON CONFLICT (subject_id) DO NOTHING
       RETURNING subject_id, wrapped_key, key_version, master_key_id`,
      [keys.map((k) => k.subjectId), keys.map((k) => k.wrapped), masterKeyId],
    );
    // only the people who had a row already (live or destroyed) need a second look
    const created = new Set(rows.map((r) => r.subject_id));
    const existing = keys.filter((k) => !created.has(k.subjectId)).map((k) => k.subjectId);
    return [...rows.map(toKey), ...(await this.find(existing))];
  }

  async find(subjectIds: readonly string[]): Promise<StoredKey[]> {
    if (subjectIds.length === 0) return [];
    const { rows } = await this.pool.query<Row>(
      `SELECT subject_id, wrapped_key, key_version, master_key_id FROM personal_data_keys WHERE subject_id = ANY($1::uuid[])`,
      [subjectIds],
    );
    return rows.map(toKey);
  }

  /**
   * Destroys the key (or records a destroyed one when the person never had a key), so nothing
   * personal can be written for them again. Returns when it was destroyed; idempotent.
   */
  async destroy(subjectId: string, masterKeyId: string): Promise<Date> {
    const { rows } = await this.pool.query<{ destroyed_at: Date }>(
      `INSERT INTO personal_data_keys (subject_id, wrapped_key, key_version, master_key_id, destroyed_at)
       VALUES ($1, NULL, 1, $2, now())
       ON CONFLICT (subject_id) DO UPDATE SET wrapped_key = NULL,
         destroyed_at = coalesce(personal_data_keys.destroyed_at, now())
       RETURNING destroyed_at`,
      [subjectId, masterKeyId],
    );
    return rows[0].destroyed_at;
  }

  /**
   * Registers the master key on first use and returns every key id the database has seen,
   * under a table lock so two first starts with different keys cannot both register.
   */
  /** Records the master key's fingerprint on first use; returns every fingerprint the database knows. */
  registerMasterKey(masterKeyId: string): Promise<RegisteredFingerprints> {
    return this.registerFingerprint('personal_data_master_keys', 'master_key_id', masterKeyId);
  }

  /** The same for the key of the NIK uniqueness HMAC. */
  registerNikKey(nikKeyId: string): Promise<RegisteredFingerprints> {
    return this.registerFingerprint('personal_data_nik_keys', 'nik_key_id', nikKeyId);
  }

  /** whether NIKs were claimed already (unique_claims, the event store's table, scope `nik`) */
  async hasNikClaims(): Promise<boolean> {
    const { rows } = await this.pool.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM unique_claims WHERE scope = $1) AS any`, [NIK_CLAIM_SCOPE]);
    return rows[0].any;
  }

  private async registerFingerprint(table: string, column: string, id: string): Promise<RegisteredFingerprints> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
      const { rowCount } = await client.query(`INSERT INTO ${table} (${column}) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM ${table})`, [id]);
      const { rows } = await client.query<Record<string, string>>(`SELECT ${column} FROM ${table} ORDER BY first_used_at`);
      await client.query('COMMIT');
      return { known: rows.map((r) => r[column]), adopted: rowCount === 1 };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
}
