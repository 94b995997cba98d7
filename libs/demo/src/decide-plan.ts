import { entrepreneurDecider, groupDecider, type DecisionContext, type EntrepreneurEvent, type GroupEvent } from '@jejak/journey/domain';
import type { ChunkPlan } from './chunk-plan';

export interface DecidedStream<E> {
  streamId: string;
  subjectId: string;
  /** actor of each event, in order: the kecamatan's caseworker records the journey */
  actorId: string;
  nik?: string;
  events: E[];
}

interface Decider<C, S, E> {
  decide(command: C, state: S, context: DecisionContext): E[];
  evolve(state: S, event: E): S;
  initialState: S;
}

/** One stream's commands in order, each decided on the state its predecessors' events left. */
function decideAll<C, S, E>(decider: Decider<C, S, E>, commands: readonly C[], context: DecisionContext): E[] {
  let state = decider.initialState;
  const events: E[] = [];
  for (const c of commands)
    for (const e of decider.decide(c, state, context)) {
      state = decider.evolve(state, e);
      events.push(e);
    }
  return events;
}

/**
 * Runs every planned command through the real deciders, exactly as the API would: a plan the
 * programme rules refuse throws, so demo data never holds a journey the product could not record.
 */
export function decideChunk(plan: ChunkPlan, context: DecisionContext) {
  const groups: DecidedStream<GroupEvent>[] = plan.groups.map((g) => ({
    streamId: `group-${g.groupId}`,
    subjectId: g.groupId,
    actorId: 'pendamping-bpkk',
    events: decideAll(groupDecider, g.commands, context),
  }));
  const people: DecidedStream<EntrepreneurEvent>[] = plan.people.map((p) => {
    const nik = p.commands[0].type === 'RegisterEntrepreneur' ? p.commands[0].nik : undefined;
    return {
      streamId: `entrepreneur-${p.entrepreneurId}`,
      subjectId: p.entrepreneurId,
      actorId: p.caseworkerId,
      nik,
      events: decideAll(entrepreneurDecider, p.commands, context),
    };
  });
  return { groups, people };
}
