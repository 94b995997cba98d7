import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_SCHEMA_VERSIONS, JOURNEY_EVENT_TYPES, PERSONAL_FIELDS, isJourneyEventType, personalFieldsOf } from './catalogue';

const catalogue = readFileSync(join(__dirname, '../../../../../docs/events.md'), 'utf8');

describe('the event catalogue', () => {
  it('registers every event type once, at a schema version', () => {
    expect(JOURNEY_EVENT_TYPES).toHaveLength(13);
    for (const type of JOURNEY_EVENT_TYPES) expect(EVENT_SCHEMA_VERSIONS[type]).toBeGreaterThanOrEqual(1);
    expect(isJourneyEventType('Registered')).toBe(true);
    expect(isJourneyEventType('toString')).toBe(false);
  });

  it.each(JOURNEY_EVENT_TYPES)('documents %s in docs/events.md with its personal fields marked', (type) => {
    const section = catalogue.split(/^### /m).find((s) => s.startsWith(`\`${type}\``));
    expect(section).toBeDefined();
    for (const field of personalFieldsOf(type)) expect(section).toMatch(new RegExp(`\`${field}\`[^\\n]*🔒`));
  });

  it('keeps the revenue, the NIK and free text personal, and the amounts readable', () => {
    expect(PERSONAL_FIELDS.Registered).toContain('nik');
    expect(PERSONAL_FIELDS.Monitored).toEqual(expect.arrayContaining(['monthlyRevenue', 'notes']));
    expect(PERSONAL_FIELDS.GrantReceived).not.toContain('amount' as never);
  });
});
