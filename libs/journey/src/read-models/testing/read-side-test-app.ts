import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { eventStoreMigrations, type EventStore, type NewEvent } from '@jejak/event-store';
import { AUTH_CONFIG, AuthModule, issueLocalToken, type LocalAuthConfig, type LocalTokenClaims } from '@jejak/auth';
import { personalDataMigrations, PersonalDataVault } from '@jejak/personal-data';
import { configureHttp, EVENT_STORE, PG_POOL, PlatformModule, startApp, type JejakConfig, type RunningApp } from '@jejak/platform';
import { loadProjectionsConfig, ProjectionEngine, projectionsMigrations } from '@jejak/projections';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';
import { personalFieldsOf, type JourneyEvent } from '../../domain/events/catalogue';
import { configuredJourneyProjections } from '../journey-projections';
import { JourneyReadModule } from '../journey-read.module';
import { toNewEvent } from './journey-events.fixture';

@Module({})
class ReadSideTestModule {
  static forRoot(config: JejakConfig, databaseUrl: string, env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: ReadSideTestModule,
      imports: [PlatformModule.forRoot({ config, databaseUrl }), AuthModule.forRoot({ dataDir: config.dataDir, env }), JourneyReadModule],
    };
  }
}

/**
 * The read side over HTTP with the real engine running the journey projections, for query tests
 * that do not need the command API: events are appended through the EventStore, sealed as the
 * command side seals them.
 */
export class ReadSideTestApp {
  private constructor(
    readonly running: RunningApp,
    readonly engine: ProjectionEngine,
    private readonly db: TestDatabase,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<ReadSideTestApp> {
    const db = await createTestDatabase('queries');
    const dataDir = mkdtempSync(join(tmpdir(), 'jejak-queries-'));
    const env = { ...process.env, DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JEJAK_DATA_DIR: dataDir };
    const running = await startApp({
      name: 'queries',
      migrations: [...eventStoreMigrations, ...personalDataMigrations, ...projectionsMigrations],
      module: (config, database) => ReadSideTestModule.forRoot(config, database.url, env),
      configure: (app) => configureHttp(app, { openApi: false }),
      env,
    });
    const app = running.app;
    const engine = new ProjectionEngine({
      pool: app.get<Pool>(PG_POOL),
      store: app.get<EventStore>(EVENT_STORE),
      projections: configuredJourneyProjections(app.get(PersonalDataVault), env),
      config: loadProjectionsConfig({}, { pollIntervalMs: 20, leaderRetryMs: 200 }),
    });
    await engine.setup();
    engine.startLeadership();
    return new ReadSideTestApp(running, engine, db, dataDir);
  }

  get url(): string {
    return this.running.url;
  }

  get store(): EventStore {
    return this.running.app.get<EventStore>(EVENT_STORE);
  }

  get vault(): PersonalDataVault {
    return this.running.app.get(PersonalDataVault);
  }

  token(claims: LocalTokenClaims): Promise<string> {
    return issueLocalToken(this.running.app.get<LocalAuthConfig>(AUTH_CONFIG), claims);
  }

  /** Appends as the command side does and returns the store's answer (positions, recordedAt). */
  async append(stream: string, events: readonly JourneyEvent[]) {
    const sealed: NewEvent[] = [];
    for (const e of events) {
      const subject = stream.startsWith('entrepreneur-') && 'entrepreneurId' in e.data ? e.data.entrepreneurId : undefined;
      const data = subject ? await this.vault.encryptFields(subject, e.data, personalFieldsOf(e.type)) : e.data;
      sealed.push(toNewEvent({ ...e, data } as JourneyEvent));
    }
    return this.store.append(stream, sealed, { expectedVersion: 'any' });
  }

  async close(): Promise<void> {
    await this.engine.stop();
    await this.running.close();
    await this.db.drop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
