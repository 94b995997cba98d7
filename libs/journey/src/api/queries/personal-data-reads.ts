import type { Actor } from '@jejak/auth';
import type { RequestContext } from '@jejak/platform';
import type { PersonalDataRead } from '@jejak/personal-data';
import { CASE_PERSONAL_FIELDS, type CaseView } from '../../read-models/case-state/case.view';
import type { CaseloadItem } from '../../read-models/caseload/caseload.query';
import type { GroupMemberView } from '../../read-models/group-state/group.view';
import type { EligibleItem } from '../../read-models/lanjutan-eligibility/lanjutan-eligibility.query';

/**
 * What handed a person's data out, as the processing trail names it: one code per response that
 * shows personal fields. The timeline (non-personal facts only), the auditors' raw history (sealed)
 * and the feed (public contracts) show none, so they are not reads of anyone's data.
 */
export const READ_PURPOSES = [
  'case.read',
  'case.read_as_of',
  'caseload.list',
  'caseload.search',
  'group.read',
  'group.read_as_of',
  'eligibility.list',
  'personal_data.export',
] as const;
export type ReadPurpose = (typeof READ_PURPOSES)[number];

/**
 * While a person has processing restricted (UU PDP) their data is stored but not otherwise
 * processed: supervisors and auditors still see it (oversight, legal claims; the reads are in the
 * trail), casework does not.
 */
export function seesRestrictedData(actor: Actor): boolean {
  return actor.role === 'supervisor' || actor.role === 'auditor';
}

export function readBy(actor: Actor, ctx: RequestContext, purpose: ReadPurpose): PersonalDataRead {
  return { purpose, actorId: actor.id, actorRole: actor.role, correlationId: ctx.correlationId };
}

// The personal fields of each response. An item whose fields are all null (erased, or hidden from
// the reader's area, or restricted) showed nothing of that person, so it is no read of their data.
const CASELOAD_FIELDS = ['fullName', 'regionCode'] as const satisfies readonly (keyof CaseloadItem)[];
const MEMBER_FIELDS = ['fullName'] as const satisfies readonly (keyof GroupMemberView)[];
const ELIGIBLE_FIELDS = ['fullName'] as const satisfies readonly (keyof EligibleItem)[];

function shown<T, K extends keyof T>(items: readonly T[], id: (item: T) => string, fields: readonly K[]): string[] {
  return items.filter((item) => fields.some((f) => item[f] !== null && item[f] !== undefined)).map(id);
}

export const shownIn = {
  case: (view: CaseView) => shown([view], (v) => v.id, CASE_PERSONAL_FIELDS),
  caseload: (items: readonly CaseloadItem[]) => shown(items, (i) => i.id, CASELOAD_FIELDS),
  group: (members: readonly GroupMemberView[]) => shown(members, (m) => m.entrepreneurId, MEMBER_FIELDS),
  eligibility: (items: readonly EligibleItem[]) => shown(items, (i) => i.id, ELIGIBLE_FIELDS),
};
