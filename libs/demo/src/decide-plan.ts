import {
  decide, decideGroup, evolve, evolveGroup, initialGroupState, initialState,
  type DecisionContext, type EntrepreneurEvent, type GroupEvent,
} from '@jejak/journey/domain';
import type { ChunkPlan } from './chunk-plan';

export interface DecidedStream<E> {
  streamId: string;
  subjectId: string;
  /** actor of each event, in order: the kecamatan's caseworker records the journey */
  actorId: string;
  nik?: string;
  events: E[];
}

/**
 * Runs every planned command through the real deciders, exactly as the API would: a plan the
 * programme rules refuse throws, so demo data never holds a journey the product could not record.
 */
export function decideChunk(plan: ChunkPlan, context: DecisionContext) {
  const groups: DecidedStream<GroupEvent>[] = plan.groups.map((g) => {
    let state = initialGroupState;
    const events: GroupEvent[] = [];
    for (const c of g.commands)
      for (const e of decideGroup(c, state, context)) {
        state = evolveGroup(state, e);
        events.push(e);
      }
    return { streamId: `group-${g.groupId}`, subjectId: g.groupId, actorId: 'pendamping-bpkk', events };
  });
  const people: DecidedStream<EntrepreneurEvent>[] = plan.people.map((p) => {
    let state = initialState;
    const events: EntrepreneurEvent[] = [];
    for (const c of p.commands)
      for (const e of decide(c, state, context)) {
        state = evolve(state, e);
        events.push(e);
      }
    const nik = p.commands[0].type === 'RegisterEntrepreneur' ? p.commands[0].nik : undefined;
    return { streamId: `entrepreneur-${p.entrepreneurId}`, subjectId: p.entrepreneurId, actorId: p.caseworkerId, nik, events };
  });
  return { groups, people };
}
