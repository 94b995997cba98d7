import fc from 'fast-check';
import type { EntrepreneurEvent } from '../events/entrepreneur.events';
import type { EntrepreneurCommand } from './entrepreneur.commands';
import { decide, evolve, initialState } from './entrepreneur.decider';
import { STAGES, type EntrepreneurState } from './entrepreneur.state';
import { DomainError } from '../shared/domain-error';
import { CONTEXT, commands, granted, monitored, registered, trained } from '../testing/journey-test-kit';
import { lanjutanEligibility } from './lanjutan-eligibility';
import { DEFAULT_GRADUATION_POLICY } from '../policy/journey-policy';

const day = fc.integer({ min: 0, max: 150 }).map((n) => new Date(Date.UTC(2024, 0, 10 + n)).toISOString().slice(0, 10));
const ID = registered().data.entrepreneurId;

/** Any stored event of the catalogue, in any order: history written under older or buggier rules must still fold. */
const anyEvent: fc.Arbitrary<EntrepreneurEvent> = fc.oneof(
  fc.constant(registered()),
  day.map((d) => trained({ startedOn: d, completedOn: d })),
  fc.tuple(day, fc.constantFrom('TKM_PEMULA', 'TKM_LANJUTAN', 'WUB', 'OTHER' as const)).map(([d, programme]) => granted({ receivedOn: d, programme })),
  fc.tuple(day, fc.boolean(), fc.integer({ min: 0, max: 5 })).map(([d, businessActive, workersTotal]) => monitored(d, { businessActive, workersTotal })),
  day.map((d): EntrepreneurEvent => ({ type: 'GraduatedToLanjutan', data: { entrepreneurId: ID, graduatedOn: d } })),
  day.map((d): EntrepreneurEvent => ({ type: 'Withdrawn', data: { entrepreneurId: ID, withdrawnOn: d, reason: 'r' } })),
  fc.constantFrom<EntrepreneurEvent>(
    { type: 'ProfileCorrected', data: { entrepreneurId: ID, phone: '0812', reason: 'r' } },
    { type: 'CaseworkerAssigned', data: { entrepreneurId: ID, caseworkerId: 'cw-1' } },
    { type: 'PersonalDataErased', data: { entrepreneurId: ID, reason: 'r' } },
  ),
);

/** Any command a caseworker could send, with dates around the journey. */
const anyCommand: fc.Arbitrary<EntrepreneurCommand> = fc.oneof(
  fc.constant(commands.register()),
  fc.tuple(day, day).map(([a, b]) => commands.train({ startedOn: a < b ? a : b, completedOn: a < b ? b : a })),
  fc.tuple(day, fc.constantFrom('TKM_PEMULA', 'TKM_LANJUTAN', 'WUB' as const), fc.integer({ min: 0, max: 3 })).map(([receivedOn, programme, amount]) => commands.grant({ receivedOn, programme, amount })),
  fc.tuple(day, fc.boolean(), fc.integer({ min: 0, max: 4 })).map(([visitedOn, businessActive, workersTotal]) => commands.visit({ visitedOn, businessActive, workersTotal })),
  day.map((graduatedOn) => commands.graduate({ graduatedOn })),
  day.map((withdrawnOn) => commands.withdraw({ withdrawnOn })),
  fc.constantFrom(commands.correct({ phone: '0813' }), commands.assign('cw-1'), commands.assign('cw-2'), commands.erase()),
);

function run(cmds: readonly EntrepreneurCommand[]): { state: EntrepreneurState; history: EntrepreneurEvent[] } {
  let state = initialState;
  const history: EntrepreneurEvent[] = [];
  for (const cmd of cmds) {
    try {
      const events = decide(cmd, state, CONTEXT);
      history.push(...events);
      state = events.reduce(evolve, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return { state, history };
}

describe('the entrepreneur decider, for any sequence', () => {
  it('evolve never throws on any stored history and always lands in a known stage', () => {
    fc.assert(fc.property(fc.array(anyEvent, { maxLength: 30 }), (events) => {
      const state = events.reduce(evolve, initialState);
      expect(['unregistered', ...STAGES]).toContain(state.status);
    }));
  });

  it('decide refuses only with DomainErrors, and what it accepts folds back to the same state', () => {
    fc.assert(fc.property(fc.array(anyCommand, { maxLength: 25 }), (cmds) => {
      const { state, history } = run(cmds);
      expect(history.reduce(evolve, initialState)).toEqual(state);
    }));
  });

  it('never produces a second TKM Pemula grant, nor a grant before a training, nor a visit before a grant', () => {
    fc.assert(fc.property(fc.array(anyCommand, { maxLength: 25 }), (cmds) => {
      const { history } = run(cmds);
      const pemula = history.filter((e) => e.type === 'GrantReceived' && e.data.programme === 'TKM_PEMULA');
      expect(pemula.length).toBeLessThanOrEqual(1);
      const firstTraining = history.findIndex((e) => e.type === 'Trained');
      if (pemula.length > 0) expect(firstTraining).toBeGreaterThanOrEqual(0);
      const firstGrant = history.findIndex((e) => e.type === 'GrantReceived');
      const firstVisit = history.findIndex((e) => e.type === 'Monitored');
      if (firstVisit >= 0) expect(firstGrant).toBeLessThan(firstVisit);
    }));
  });

  it('graduates only cases the eligibility function (shared with the read side) calls eligible', () => {
    fc.assert(fc.property(fc.array(anyCommand, { maxLength: 25 }), (cmds) => {
      let state = initialState;
      for (const cmd of cmds) {
        try {
          const events = decide(cmd, state, CONTEXT);
          if (events.some((e) => e.type === 'GraduatedToLanjutan') && cmd.type === 'GraduateToLanjutan')
            expect(lanjutanEligibility(state, DEFAULT_GRADUATION_POLICY, cmd.graduatedOn).eligible).toBe(true);
          state = events.reduce(evolve, state);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
    }));
  });

  // Registration is the exception by design: a second one under the same id is ALREADY_REGISTERED,
  // and a retried HTTP POST is answered from its Idempotency-Key before it reaches the decider.
  it('a command that was just accepted, sent again, adds nothing (registration aside)', () => {
    const repeatable = anyCommand.filter((c) => c.type !== 'RegisterEntrepreneur');
    fc.assert(fc.property(fc.array(anyCommand, { maxLength: 20 }), repeatable, (before, cmd) => {
      const { state } = run(before);
      let events: EntrepreneurEvent[];
      try {
        events = decide(cmd, state, CONTEXT);
      } catch (error) {
        if (error instanceof DomainError) return;
        throw error;
      }
      expect(decide(cmd, events.reduce(evolve, state), CONTEXT)).toEqual([]);
    }));
  });
});
