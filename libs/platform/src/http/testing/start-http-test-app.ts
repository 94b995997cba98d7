import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { eventStoreMigrations } from '@jejak/event-store';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import { startApp, type RunningApp } from '../../bootstrap';
import { PlatformModule } from '../../nest/platform.module';
import { configureHttp } from '../configure-http';
import { HttpPlatformModule } from '../http-platform.module';
import { httpMigrations } from '../migrations';
import { HandlerGate, ThingsController } from './things.controller';

export interface HttpTestApp extends RunningApp {
  database: TestDatabase;
  gate: HandlerGate;
}

/**
 * A small real app (PostgreSQL, event store, HTTP on a free port) carrying the HTTP conventions
 * and the `ThingsController`; `imports` adds e.g. the AuthModule.
 */
export async function startHttpTestApp(imports: (DynamicModule | Type)[] = []): Promise<HttpTestApp> {
  const database = await createTestDatabase('http');
  const running = await startApp({
    name: 'http-test',
    migrations: [...eventStoreMigrations, ...httpMigrations],
    module: (config, db) => {
      @Module({ imports: [PlatformModule.forRoot({ config, databaseUrl: db.url }), HttpPlatformModule, ...imports], controllers: [ThingsController], providers: [HandlerGate] })
      class HttpTestModule {}
      return { module: HttpTestModule };
    },
    configure: (app) => configureHttp(app),
    env: { DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.HTTP_TEST_LOG ?? 'silent', JEJAK_DATA_DIR: process.env.JEJAK_DATA_DIR },
  });
  return {
    ...running,
    database,
    gate: running.app.get(HandlerGate),
    async close() {
      await running.close();
      await database.drop();
    },
  };
}
