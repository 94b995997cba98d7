import { Parser } from '@asyncapi/parser';
import { TOPICS } from './integration-event';
import { buildAsyncApiDocument } from './asyncapi';
import { MESSAGE_CATALOGUE } from './message-catalogue';

describe('the AsyncAPI document', () => {
  const document = buildAsyncApiDocument();

  it('is a valid AsyncAPI 3.0 document (no errors from @asyncapi/parser)', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors.map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(parsed?.version()).toBe('3.0.0');
  });

  it('describes every public message on its topic with a payload schema', async () => {
    const { document: parsed } = await new Parser().parse(JSON.stringify(document));
    const byTopic = new Map(parsed!.channels().all().map((c) => [c.address(), c.messages().all().map((m) => m.name())]));
    expect([...byTopic.keys()].sort()).toEqual(Object.values(TOPICS).sort());
    for (const spec of MESSAGE_CATALOGUE) expect(byTopic.get(spec.topic)).toContain(spec.type);
    for (const message of parsed!.messages().all()) expect(message.payload()?.type()).toBe('object');
  });
});
