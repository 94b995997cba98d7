export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 200, maxMs: 30_000 };

/**
 * Delay before retry number `attempt` (1-based): doubles from initialMs up to maxMs. No jitter:
 * there is one active relay per checkpoint, so there is no herd of retries to spread out.
 */
export function backoffDelay(policy: BackoffPolicy, attempt: number): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt - 1, 30));
}
