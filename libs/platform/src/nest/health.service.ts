import { Injectable } from '@nestjs/common';

export type HealthStatus = 'up' | 'down';

export interface HealthReport {
  status: HealthStatus;
  details?: Record<string, unknown>;
}

export type HealthCheck = () => Promise<HealthReport> | HealthReport;

/**
 * Parts of the process (database, projections, relay) register a check; `/health` runs them all.
 * A check that throws counts as down, with its message, so one broken part never hides the others.
 */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  async report(): Promise<{ status: HealthStatus; checks: Record<string, HealthReport> }> {
    const checks: Record<string, HealthReport> = {};
    await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          checks[name] = await check();
        } catch (e) {
          checks[name] = { status: 'down', details: { error: e instanceof Error ? e.message : String(e) } };
        }
      }),
    );
    const status = Object.values(checks).every((c) => c.status === 'up') ? 'up' : 'down';
    return { status, checks };
  }
}
