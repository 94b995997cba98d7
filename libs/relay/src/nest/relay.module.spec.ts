import { randomUUID } from 'node:crypto';
import { Module, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { eventStoreMigrations, streamId, type EventStore } from '@jejak/event-store';
import { EVENT_STORE, loadConfig, PlatformModule, runMigrations } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import { relayMigrations } from '../migrations';
import { InMemoryPublisher } from '../testing/in-memory.publisher';
import { RelayModule } from './relay.module';
import { RelayService } from './relay.service';

/** What reached Nest's logger: the structured log of a real process (nestjs-pino) sits behind it. */
class CapturingLogger implements LoggerService {
  readonly lines: { level: string; context: unknown; message: string }[] = [];
  log = (message: string, context?: unknown) => this.lines.push({ level: 'log', context, message });
  warn = (message: string, context?: unknown) => this.lines.push({ level: 'warn', context, message });
  error = (message: string, context?: unknown) => this.lines.push({ level: 'error', context, message });
}

describe('the relay in a Nest process (real PostgreSQL, a broker that is down for a while)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const logger = new CapturingLogger();
  const broker = new InMemoryPublisher();

  beforeAll(async () => {
    db = await createTestDatabase('relay_module');
    await runMigrations(db.url, [...eventStoreMigrations, ...relayMigrations]);
    // as apps/relay and the all-in-one apps/jejak wire it: no log of their own
    @Module({
      imports: [
        PlatformModule.forRoot({ config: loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: db.url, poolSize: 4 }),
        RelayModule.forRoot({ publisher: broker, backoff: { initialMs: 10, maxMs: 20 }, standbyPollMs: 20 }),
      ],
    })
    class RelayProcessModule {}
    broker.failNext(2);
    app = await NestFactory.create(RelayProcessModule, { logger, abortOnError: false });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db.drop();
  });

  it("writes its lead and every failed publish with its back-off to Nest's log, as warnings", async () => {
    const id = randomUUID();
    const metadata = { actorId: 'cw-1', actorRole: 'caseworker', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() };
    const data = { entrepreneurId: id, kecamatanCode: '32.16.01', registeredOn: '2025-01-06', sex: 'F', birthYear: 1990 };
    const { lastPosition } = await app
      .get<EventStore>(EVENT_STORE)
      .append(streamId('entrepreneur', id), [{ id: randomUUID(), type: 'Registered', schemaVersion: 1, data, metadata }], { expectedVersion: 'no_stream' });
    await app.get(RelayService).relay.waitForPosition(lastPosition);

    const relayLines = logger.lines.filter((l) => l.context === 'Relay');
    expect(relayLines).toEqual([
      { level: 'log', context: 'Relay', message: 'relay kafka is the active relay, from position 0' },
      { level: 'warn', context: 'Relay', message: 'relay kafka: publish failed (attempt 1), retrying in 10 ms: broker unavailable' },
      { level: 'warn', context: 'Relay', message: 'relay kafka: publish failed (attempt 2), retrying in 20 ms: broker unavailable' },
    ]);
    expect(broker.acknowledged).toHaveLength(1);
  });
});
