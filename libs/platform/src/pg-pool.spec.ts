import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import { Logger } from '@nestjs/common';
import { createPool } from './pg-pool';

describe('the application pool', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pg_pool');
  });
  afterAll(() => db.drop());

  it('survives the server ending an idle connection and answers the next query', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const pool = createPool(db.url, 2);
    try {
      const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const admin = db.pool(1);
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      for (let i = 0; i < 100 && warn.mock.calls.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('57P01'));
      const again = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(again.rows[0].pid).not.toBe(rows[0].pid);
    } finally {
      warn.mockRestore();
      await pool.end();
    }
  });
});
