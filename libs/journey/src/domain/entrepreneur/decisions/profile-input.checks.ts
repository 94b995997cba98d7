import type { ProfileFields } from '../../events/entrepreneur.events';
import type { Instant } from '../../shared/dates';
import type { RegionDirectory } from '../../identity/region-directory.port';
import { assertRegionKnown, assertResidenceRegion, type ResidenceRegion } from '../../identity/region-code';
import { assertOneOf, assertPastDate, assertText, ifPresent } from '../../shared/checks';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, SEXES } from '../../events/vocabulary';

/** The same field rules for registration and correction; each checks only the fields it is given. */
export function checkProfileFields(input: Partial<ProfileFields>, now: Instant, regions: () => RegionDirectory): ResidenceRegion | undefined {
  ifPresent(input.fullName, (v) => assertText('fullName', v));
  ifPresent(input.birthDate, (v) => assertPastDate('birthDate', v, now));
  ifPresent(input.sex, (v) => assertOneOf('sex', v, SEXES));
  ifPresent(input.phone, (v) => assertText('phone', v));
  ifPresent(input.address, (v) => assertText('address', v));
  ifPresent(input.businessIdea, (v) => assertText('businessIdea', v));
  ifPresent(input.education, (v) => assertOneOf('education', v, EDUCATION_LEVELS));
  ifPresent(input.employmentStatus, (v) => assertOneOf('employmentStatus', v, EMPLOYMENT_STATUSES));
  if (input.regionCode === undefined) return undefined;
  const region = assertResidenceRegion('regionCode', input.regionCode);
  assertRegionKnown('regionCode', region.code, regions().isKnown(region.code));
  return region;
}
