import type { RecordedEvent } from '@jejak/event-store';

/**
 * Personal fields travel encrypted with the person's key. Projections that show them (the
 * caseload's name and region) open a whole batch at once, so keys are fetched in one query;
 * after erasure the key is gone and the fields come back absent, which is how read models drop them.
 */
export interface PersonalDataReader {
  reveal<E extends RecordedEvent>(events: readonly E[]): Promise<E[]>;
}
