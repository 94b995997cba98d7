import { Injectable } from '@nestjs/common';

export type HealthStatus = 'up' | 'down';

export interface HealthReport {
  status: HealthStatus;
  details?: Record<string, unknown>;
}

export type HealthCheck = () => Promise<HealthReport> | HealthReport;

export interface HealthCheckOptions {
  /** the process cannot serve at all without it (the database): part of `/health/ready` as well */
  readiness?: boolean;
}

/**
 * Parts of the process (database, projections, relay) register a check; `/health` runs them all,
 * `/health/ready` only the readiness ones. A check that throws counts as down, with its message, so
 * one broken part never hides the others.
 */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, { check: HealthCheck; readiness: boolean }>();

  register(name: string, check: HealthCheck, options: HealthCheckOptions = {}): void {
    this.checks.set(name, { check, readiness: options.readiness ?? false });
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  /** every check, or with `readinessOnly` those registered as readiness checks */
  async report(readinessOnly = false): Promise<{ status: HealthStatus; checks: Record<string, HealthReport> }> {
    const checks: Record<string, HealthReport> = {};
    await Promise.all(
      [...this.checks]
        .filter(([, c]) => c.readiness || !readinessOnly)
        .map(async ([name, { check }]) => {
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
