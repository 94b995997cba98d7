import { randomUUID } from 'node:crypto';
import { RegisterEntrepreneurHandler } from '../register-entrepreneur/register-entrepreneur.handler';
import { RegisterEntrepreneurCommand } from '../register-entrepreneur/register-entrepreneur.command';
import { entrepreneurStreamId } from '../shared/journey-streams';
import { meta, person, startWriteSide, type WriteSide } from '../testing/write-side.fixture';
import { ReadStreamHistoryHandler } from './audit-stream.handlers';
import { ReadStreamHistoryQuery } from './audit-stream.queries';

describe('an auditor reading a stream’s raw history', () => {
  let w: WriteSide;
  let history: ReadStreamHistoryHandler;

  beforeAll(async () => {
    w = await startWriteSide();
    history = new ReadStreamHistoryHandler(w.store);
  });
  afterAll(() => w.close());

  it('from a version past the end gets no events and the stream’s real version', async () => {
    const id = randomUUID();
    await new RegisterEntrepreneurHandler(w.runner, w.nik).execute(new RegisterEntrepreneurCommand(id, person(), meta()));
    const stream = entrepreneurStreamId(id);
    expect(await history.execute(new ReadStreamHistoryQuery(stream, 10))).toEqual({ streamId: stream, version: 1, events: [] });
  });

  it('of a stream that does not exist gets version 0 whatever version it starts from', async () => {
    const stream = entrepreneurStreamId(randomUUID());
    expect(await history.execute(new ReadStreamHistoryQuery(stream, 5))).toEqual({ streamId: stream, version: 0, events: [] });
    expect(await history.execute(new ReadStreamHistoryQuery(stream))).toEqual({ streamId: stream, version: 0, events: [] });
  });

  it('from version 1 gets every event as stored, personal fields sealed', async () => {
    const id = randomUUID();
    const p = person();
    await new RegisterEntrepreneurHandler(w.runner, w.nik).execute(new RegisterEntrepreneurCommand(id, p, meta()));
    const { version, events } = await history.execute(new ReadStreamHistoryQuery(entrepreneurStreamId(id)));
    expect(version).toBe(1);
    expect(events.map((e) => e.type)).toEqual(['Registered']);
    expect(JSON.stringify(events[0].data)).not.toContain(p.nik);
  });
});
