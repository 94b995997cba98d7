import { streamId, type RecordedEvent } from '@jejak/event-store';
import {
  evolve, evolveGroup, initialGroupState, initialState,
  type EntrepreneurEvent, type EntrepreneurState, type GroupEvent, type GroupState,
} from '../../domain';

/**
 * How the runner treats one kind of stream: how to fold it, whose personal data it holds and
 * which region decides who may write to it (the kecamatan limit of caseworker tokens).
 */
export interface StreamSpec<S, E extends { type: string; data: object }> {
  category: string;
  initialState: S;
  evolve(state: S, event: E): S;
  /** the person whose key seals the personal fields; undefined for streams with no personal data */
  subjectOf(id: string): string | undefined;
  /** the region (kecamatan code) the case or group belongs to, once it exists */
  regionOf(state: S, history: readonly RecordedEvent[]): string | undefined;
}

export const entrepreneurStream: StreamSpec<EntrepreneurState, EntrepreneurEvent> = {
  category: 'entrepreneur',
  initialState,
  evolve,
  subjectOf: (id) => id,
  regionOf: (state) => (state.status === 'unregistered' ? undefined : state.demographics.kecamatanCode),
};

export const groupStream: StreamSpec<GroupState, GroupEvent> = {
  category: 'group',
  initialState: initialGroupState,
  evolve: evolveGroup,
  subjectOf: () => undefined,
  // The group state keeps only what its rules need; the region is read from GroupFormed.
  regionOf: (_state, history) => {
    const formed = history.find((e) => e.type === 'GroupFormed');
    return formed ? (formed.data as { kecamatanCode?: string }).kecamatanCode : undefined;
  },
};

/** Folds a stream as read; sealed personal fields do no harm, since no evolve reads personal values. */
export function foldStream<S, E extends { type: string; data: object }>(spec: StreamSpec<S, E>, history: readonly RecordedEvent[]): S {
  return history.reduce((state, e) => spec.evolve(state, { type: e.type, data: e.data } as E), spec.initialState);
}

export const entrepreneurStreamId = (id: string): string => streamId(entrepreneurStream.category, id);