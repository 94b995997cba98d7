import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { JOURNEY_PROBLEM_TEXTS } from '@jejak/journey/api';
import { VALIDATION_RULE_TEXTS } from '@jejak/platform';
import { READ_PURPOSES } from '../../journey/src/api/queries/personal-data-reads';
import * as vocabulary from '../../journey/src/domain/events/vocabulary';
import { STAGES } from '../../journey/src/read-models/caseload/caseload.row';
import { ENTREPRENEUR_EVENT_TYPES } from '../../journey/src/read-models/shared/event-types';
import { webUiAssetsDir } from './web-ui-assets';

/** The UI's ES modules are plain browser JavaScript; their constants are read by evaluating the declarations. */
const js = join(webUiAssetsDir(), 'js');
function constantsOf(file: string): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  const source = readFileSync(join(js, file), 'utf8').replace(/^export const (\w+) =/gm, 'this.$1 =');
  runInNewContext(source, context);
  return context;
}
const sources = (dir = js): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.js') ? [readFileSync(join(dir, e.name), 'utf8')] : []));

const MESSAGES = constantsOf('messages.js').MESSAGES as Record<'id' | 'en', Record<string, string>>;
const ui = constantsOf('vocabulary.js');

describe('the web UI’s texts', () => {
  it.each([
    ['STAGES', STAGES],
    ['SEXES', vocabulary.SEXES],
    ['EDUCATION_LEVELS', vocabulary.EDUCATION_LEVELS],
    ['EMPLOYMENT_STATUSES', vocabulary.EMPLOYMENT_STATUSES],
    ['TRAINING_KINDS', vocabulary.TRAINING_KINDS],
    ['PROGRAMMES', vocabulary.PROGRAMMES],
    ['GRANT_FORMS', vocabulary.GRANT_FORMS],
    ['FUNDING_SOURCES', vocabulary.FUNDING_SOURCES],
    ['REVENUE_TRENDS', vocabulary.REVENUE_TRENDS],
    ['PERMIT_STATUSES', vocabulary.PERMIT_STATUSES],
    ['OBSTACLES', vocabulary.OBSTACLES],
  ])('offers exactly the API’s %s', (name, values) => {
    expect(ui[name]).toEqual([...values]);
  });

  it.each([
    ['stage', STAGES],
    ['sex', vocabulary.SEXES],
    ['education', vocabulary.EDUCATION_LEVELS],
    ['employmentStatus', vocabulary.EMPLOYMENT_STATUSES],
    ['trainingKind', vocabulary.TRAINING_KINDS],
    ['programme', vocabulary.PROGRAMMES],
    ['grantForm', vocabulary.GRANT_FORMS],
    ['fundingSource', vocabulary.FUNDING_SOURCES],
    ['revenueTrend', vocabulary.REVENUE_TRENDS],
    ['permitStatus', vocabulary.PERMIT_STATUSES],
    ['obstacle', vocabulary.OBSTACLES],
    ['purpose', READ_PURPOSES],
  ])('labels every %s in Indonesian and in English', (group, values) => {
    for (const value of values) {
      expect(MESSAGES.id[`${group}.${value}`]).toBeTruthy();
      expect(MESSAGES.en[`${group}.${value}`]).toBeTruthy();
    }
  });

  it('labels every event of a case’s timeline in Indonesian and in English, not by its wire name', () => {
    expect(ENTREPRENEUR_EVENT_TYPES).toContain('ProcessingRestrictionLifted');
    for (const type of ENTREPRENEUR_EVENT_TYPES) {
      expect([type, MESSAGES.id[`event.${type}`]]).toEqual([type, expect.any(String)]);
      expect([type, MESSAGES.en[`event.${type}`]]).toEqual([type, expect.any(String)]);
    }
  });

  it('has an Indonesian text for every key the pages ask for by name', () => {
    const asked = new Set(sources().flatMap((s) => [...s.matchAll(/\bt\('([\w.]+)'/g), ...s.matchAll(/Key: '([\w.]+)'/g)].map((m) => m[1])));
    expect(asked.size).toBeGreaterThan(50);
    expect([...asked].filter((key) => !(key in MESSAGES.id))).toEqual([]);
  });

  it('has English for every Indonesian text', () => {
    const missing = Object.keys(MESSAGES.id).filter((key) => !(key in MESSAGES.en) && !key.startsWith('problem.'));
    expect(missing).toEqual([]);
  });

  it('keeps no text of its own for a problem code: the API answers in the UI’s language, from one dictionary', () => {
    const CODE = /(^|\.)[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)+$/;
    expect(Object.keys({ ...MESSAGES.id, ...MESSAGES.en }).filter((key) => CODE.test(key))).toEqual([]);
    expect(sources().join('\n')).not.toMatch(/`problem\.\$\{/);
  });

  it('keeps no text of its own for a rule of request validation: the API names the field and the rule’s values in the UI’s language', () => {
    const rules = new Set(Object.keys({ ...VALIDATION_RULE_TEXTS, ...JOURNEY_PROBLEM_TEXTS }).filter((key) => /^[a-z]/.test(key)).map((key) => key.split('.')[0]));
    expect(rules).toContain('isCalendarDate');
    expect(Object.keys({ ...MESSAGES.id, ...MESSAGES.en }).filter((key) => key.split('.').some((part) => rules.has(part)))).toEqual([]);
    expect(sources().join('\n')).not.toMatch(/`error\.\$\{/);
  });

  it('never builds markup from strings', () => {
    for (const source of sources()) expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });
});
