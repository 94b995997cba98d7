import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type Provider } from '@nestjs/common';
import { AuditAnchors, WakeableSleep } from '@jejak/event-store';
import type { Pool } from 'pg';
import type { JejakConfig } from '../config';
import { HttpProblem } from '../http/http-problem.error';
import { AUDIT_ANCHORS, JEJAK_CONFIG, PG_POOL } from './tokens';

const LOGGER = new Logger('AuditAnchors');

/** Anchors cover the events in PostgreSQL; with the log on KurrentDB there are none to seal or verify. */
export class AuditAnchorsUnavailableError extends HttpProblem {
  override readonly name = 'AuditAnchorsUnavailableError';
  constructor() {
    super(501, 'AUDIT.ANCHORS_UNAVAILABLE', 'audit anchors cover an event log in PostgreSQL; this one is on KurrentDB (JEJAK_EVENT_STORE=kurrentdb)');
  }
}

export function auditAnchorsProvider(config: JejakConfig): Provider {
  return {
    provide: AUDIT_ANCHORS,
    inject: [PG_POOL],
    useFactory: (pool: Pool): AuditAnchors | null => (config.eventStore === 'postgres' ? new AuditAnchors(pool) : null),
  };
}

/**
 * The periodic seal (ADR 0009), in the processes that run projections: once at start, then every
 * JEJAK_AUDIT_ANCHOR_INTERVAL. Several such processes share the work through the seal's lock: one
 * seals, the others skip that round. A failed round is a warning and the next one tries again.
 * Stopped before the pool ends (module destroy comes before application shutdown), after the seal
 * under way, if any; the wait between rounds is cut short, so no timer outlives the process's close.
 */
@Injectable()
export class AuditAnchorSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private stopped = true;
  private loop: Promise<void> | null = null;
  private readonly nap = new WakeableSleep();

  constructor(
    @Inject(AUDIT_ANCHORS) private readonly anchors: AuditAnchors | null,
    @Inject(JEJAK_CONFIG) private readonly config: JejakConfig,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.auditAnchorIntervalMs;
    if (!this.anchors) return LOGGER.log('audit anchors are not sealed: the event log is on KurrentDB');
    if (interval === null) return;
    this.stopped = false;
    this.loop = this.run(this.anchors, interval);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.nap.wake();
    await this.loop;
  }

  private async run(anchors: AuditAnchors, interval: number): Promise<void> {
    while (!this.stopped) {
      await sealRound(anchors, () => this.stopped);
      if (!this.stopped) await this.nap.sleep(interval);
    }
  }
}

async function sealRound(anchors: AuditAnchors, stopping: () => boolean): Promise<void> {
  try {
    const sealed = await anchors.trySeal(stopping);
    if (!sealed?.length) return;
    const [first, last] = [sealed[0], sealed[sealed.length - 1]];
    LOGGER.log(`sealed audit anchor${sealed.length > 1 ? `s ${first.anchorNumber}-` : ' '}${last.anchorNumber} up to position ${last.toPosition}`);
  } catch (e) {
    LOGGER.warn(`audit anchors not sealed this round: ${e instanceof Error ? e.message : String(e)}`);
  }
}
