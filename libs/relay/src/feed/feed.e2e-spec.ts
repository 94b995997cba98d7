import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { CloudEvent } from 'cloudevents';
import { EventSource } from 'eventsource';
import { eventStoreMigrations, streamId, type EventStore, type NewEvent } from '@jejak/event-store';
import { EVENT_STORE, PlatformModule, ProblemExceptionFilter, startApp, type RunningApp } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import { toIntegrationEvents } from '@jejak/contracts';
import type { FeedItem, FeedPage } from './feed-item';
import { FeedModule } from './feed.module';

function event(type: string, data: Record<string, unknown>): NewEvent {
  return {
    id: randomUUID(), type, schemaVersion: 1, data,
    metadata: { actorId: 'cw-1', actorRole: 'caseworker', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
  };
}

async function writeCase(store: EventStore, visits = 2): Promise<number> {
  const id = randomUUID();
  const stream = streamId('entrepreneur', id);
  let last = 0;
  const events = [
    event('Registered', { entrepreneurId: id, kecamatanCode: '32.16.03', registeredOn: '2025-01-06' }),
    event('CaseworkerAssigned', { entrepreneurId: id, caseworkerId: 'cw-9' }), // published as nothing
    ...Array.from({ length: visits }, (_, i) => event('Monitored', { entrepreneurId: id, visitedOn: '2025-06-10', businessActive: true, workersTotal: i + 1, revenueTrend: 'flat', hasNib: false })),
  ];
  for (const [i, e] of events.entries()) last = (await store.append(stream, [e], { expectedVersion: i })).lastPosition;
  return last;
}

/** Feed and AsyncAPI controllers on the platform alone, so the feed is tested without the rest of the app. */
describe('the integration event feed over HTTP', () => {
  let db: TestDatabase;
  let app: RunningApp;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('feed');
    app = await startApp({
      name: 'feed-test',
      migrations: eventStoreMigrations,
      module: (config, database) => {
        @Module({ imports: [PlatformModule.forRoot({ config, databaseUrl: database.url }), FeedModule.forRoot({ heartbeatMs: 100 })] })
        class FeedTestModule {}
        return { module: FeedTestModule };
      },
      configure: (nest) => void nest.useGlobalFilters(new ProblemExceptionFilter()),
      env: { ...process.env, DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    });
    store = app.app.get(EVENT_STORE);
  });

  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  /**
   * Waits until the store's safe head reached a fresh write: another database of the test cluster
   * with a transaction open can hold the head back for a moment.
   */
  async function untilReadable(position: number): Promise<void> {
    while ((await store.headPosition()) < position) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  async function expectedItems(after = 0): Promise<{ id: string; position: number }[]> {
    return (await store.readAll({ after, limit: 100_000 })).flatMap((e) => toIntegrationEvents(e).map((i) => ({ id: i.id, position: i.position })));
  }

  it('serves pages in global order, moving past events that are not published', async () => {
    let last = 0;
    for (let i = 0; i < 5; i++) last = await writeCase(store);
    const seen: FeedItem[] = [];
    let after = 0;
    // a consumer that knows a position reads until it got there (the safe head may trail a fresh write briefly)
    while (after < last) {
      const page = (await (await fetch(`${app.url}/v1/feed?after=${after}&limit=3`)).json()) as FeedPage;
      seen.push(...page.events);
      after = page.next;
    }
    expect(after).toBe(last);
    expect(seen.map((e) => ({ id: e.id, position: e.position }))).toEqual(await expectedItems());
  });

  it('serves each item as a valid CloudEvents 1.0 structured event', async () => {
    await writeCase(store, 1);
    const page = (await (await fetch(`${app.url}/v1/feed?limit=5`)).json()) as FeedPage;
    for (const item of page.events) {
      const { position: _p, ...attributes } = item;
      expect(new CloudEvent({ ...attributes, position: String(item.position) }, true).validate()).toBe(true);
    }
  });

  it('refuses a cursor that is not a non-negative integer', async () => {
    const res = await fetch(`${app.url}/v1/feed?after=-1`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'FEED.INVALID_CURSOR' });
  });

  it('streams every event once, in order, to an EventSource while they are being written', async () => {
    const start = await store.headPosition();
    const writing = (async () => {
      let last = 0;
      for (let i = 0; i < 20; i++) last = Math.max(last, ...(await Promise.all([writeCase(store), writeCase(store)])));
      return last;
    })();
    const received: FeedItem[] = [];
    const source = new EventSource(`${app.url}/v1/feed?after=${start}`);
    let head = Infinity;
    let check = () => undefined as void;
    const caughtUp = new Promise<void>((resolve, reject) => {
      check = () => void (received.length && received[received.length - 1].position >= head && resolve());
      source.onerror = (e) => reject(new Error(`stream failed: ${e.message}`));
      source.onmessage = (m) => {
        const item = JSON.parse(m.data) as FeedItem;
        received.push(item);
        expect(Number(m.lastEventId)).toBe(item.position);
        check();
      };
    });
    head = await writing;
    check();
    await caughtUp;
    const expected = await expectedItems(start);
    source.close();
    expect(received.map((e) => ({ id: e.id, position: e.position }))).toEqual(expected);
  });

  it('resumes after the Last-Event-ID it is given', async () => {
    const before = await store.headPosition();
    await untilReadable(await writeCase(store, 3));
    const all = await expectedItems(before);
    const resumeAfter = all[1].position;
    const source = new EventSource(`${app.url}/v1/feed`, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, 'Last-Event-ID': String(resumeAfter) } }),
    });
    const received = await new Promise<FeedItem[]>((resolve) => {
      const got: FeedItem[] = [];
      source.onmessage = (m) => {
        got.push(JSON.parse(m.data) as FeedItem);
        if (got[got.length - 1].position === all[all.length - 1].position) resolve(got);
      };
    });
    source.close();
    expect(received.map((e) => e.position)).toEqual(all.slice(2).map((e) => e.position));
  });

  it('sends heartbeats on an idle stream', async () => {
    const controller = new AbortController();
    const res = await fetch(`${app.url}/v1/feed?after=${await store.headPosition()}`, { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes(': heartbeat')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('retry: 2000');
  });

  it('publishes the AsyncAPI document', async () => {
    const res = await fetch(`${app.url}/docs/asyncapi`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ asyncapi: '3.0.0', channels: { journey: { address: 'jejak.journey.v1' } } });
  });
});
