import type { ProblemTexts } from '@jejak/platform';

/** Indonesian texts of the feed's codes; FeedModule registers them. */
export const FEED_PROBLEM_TEXTS: ProblemTexts = {
  'FEED.INVALID_CURSOR': ({ field, max }) => `${field} harus bilangan bulat dari 0 sampai ${max}`,
};
