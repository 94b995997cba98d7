import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { AUTH_CONFIG, issueLocalToken, type LocalAuthConfig } from '@jejak/auth';
import { streamId, type EventStore, type NewEvent } from '@jejak/event-store';
import { EVENT_STORE } from '@jejak/platform';
import { startTestApp, type TestApp } from '../jejak/testing/start-test-app';
import { loadConsumerSettings } from './consumer.settings';
import { ExampleConsumerModule } from './example-consumer.module';

function event(type: string, data: Record<string, unknown>): NewEvent {
  return {
    id: randomUUID(), type, schemaVersion: 1, data,
    metadata: { actorId: 'cw-1', actorRole: 'caseworker', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
  };
}

/** A case's public milestones, appended straight to the event store (personal fields are not needed by the feed). */
async function aCase(store: EventStore, kecamatanCode: string, ending: 'graduated' | 'withdrawn' | 'open', correctedTo?: string): Promise<number> {
  const entrepreneurId = randomUUID();
  const events = [
    event('Registered', { entrepreneurId, kecamatanCode, registeredOn: '2025-01-06', birthYear: 1990, sex: 'F', nikRegionKnown: true }),
    event('CaseworkerAssigned', { entrepreneurId, caseworkerId: 'cw-1' }),
    ...(correctedTo ? [event('ProfileCorrected', { entrepreneurId, kecamatanCode: correctedTo })] : []),
    event('GrantReceived', { entrepreneurId, programme: 'TKM_PEMULA', amount: 10_000_000, form: 'equipment', receivedOn: '2025-03-01', fundingSource: 'APBN' }),
    ...(ending === 'graduated' ? [event('GraduatedToLanjutan', { entrepreneurId, graduatedOn: '2026-01-15' })] : []),
    ...(ending === 'withdrawn' ? [event('Withdrawn', { entrepreneurId, withdrawnOn: '2025-05-01' })] : []),
  ];
  return (await store.append(streamId('entrepreneur', entrepreneurId), events, { expectedVersion: 'no_stream' })).lastPosition;
}

describe('the example consumer, following the feed of the real Jejak app', () => {
  let jejak: TestApp;
  let consumer: INestApplication;
  let consumerUrl: string;
  let store: EventStore;

  beforeAll(async () => {
    jejak = await startTestApp();
    store = jejak.app.get(EVENT_STORE);
    const token = await issueLocalToken(jejak.app.get<LocalAuthConfig>(AUTH_CONFIG), { sub: 'example-consumer', role: 'service' });
    await aCase(store, '32.16.01', 'graduated');
    await aCase(store, '32.16.01', 'withdrawn');
    consumer = await NestFactory.create(
      ExampleConsumerModule.forRoot(loadConsumerSettings({ JEJAK_FEED_URL: jejak.url, JEJAK_FEED_TOKEN: token, EXAMPLE_CONSUMER_POLL_MS: '50' })),
      { logger: false },
    );
    await consumer.listen(0, '127.0.0.1');
    consumerUrl = await consumer.getUrl();
  });

  afterAll(async () => {
    await consumer?.close();
    await jejak?.close();
  });

  it('counts graduations per kecamatan, including cases written while it runs', async () => {
    await aCase(store, '32.16.01', 'graduated');
    await aCase(store, '32.16.02', 'graduated');
    await aCase(store, '32.16.02', 'open');
    const head = await aCase(store, '32.16.01', 'graduated', '32.16.02');
    const res = await fetch(`${consumerUrl}/graduations?minPosition=${head}`);
    expect(await res.json()).toEqual({ byKecamatan: { '32.16.01': 2, '32.16.02': 2 }, total: 4, position: head, duplicatesIgnored: 0, caughtUp: true });
  });

  it('needs a token with the service or auditor role to read the feed', async () => {
    expect((await fetch(`${jejak.url}/v1/feed`)).status).toBe(401);
    const caseworker = await issueLocalToken(jejak.app.get<LocalAuthConfig>(AUTH_CONFIG), { sub: 'cw', role: 'caseworker' });
    expect((await fetch(`${jejak.url}/v1/feed`, { headers: { Authorization: `Bearer ${caseworker}` } })).status).toBe(403);
  });

  it('can read the AsyncAPI document without a token', async () => {
    const res = await fetch(`${jejak.url}/docs/asyncapi`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ asyncapi: '3.0.0' });
  });
});
