import { Module } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import { startApp } from './bootstrap';
import { ConfigError } from './config';

describe('starting a process', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('bootstrap');
  });
  afterAll(() => db.drop());

  it('a part that refuses to start (bad key, bad setting) fails startApp with its error, so the caller can report it and release the database', async () => {
    @Module({ providers: [{ provide: 'SECRETS', useFactory: () => { throw new ConfigError(['JEJAK_MASTER_KEY must be base64']); } }] })
    class RefusingModule {}

    const started = startApp({
      name: 'refusing',
      migrations: [],
      module: () => ({ module: RefusingModule }),
      env: { DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    });

    await expect(started).rejects.toThrow(/JEJAK_MASTER_KEY must be base64/);
  });
});
