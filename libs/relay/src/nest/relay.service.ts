import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@jejak/event-store';
import { EVENT_STORE, HealthService, METRICS_REGISTRY, PG_POOL } from '@jejak/platform';
import type { Pool } from 'pg';
import { Gauge, type Registry } from 'prom-client';
import type { Publisher } from '../publisher.port';
import { Relay, type RelayOptions } from '../relay';

export const RELAY_PUBLISHER = Symbol('RELAY_PUBLISHER');
export const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');

/** Runs the relay for the process's lifetime, reports it on /health and /metrics. */
@Injectable()
export class RelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: Relay;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PG_POOL) pool: Pool,
    @Inject(RELAY_PUBLISHER) private readonly publisher: Publisher,
    @Inject(RELAY_OPTIONS) options: RelayOptions,
    private readonly health: HealthService,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.relay = new Relay(store, pool, publisher, options);
    const status = () => this.relay.status;
    new Gauge({ name: 'jejak_relay_position', help: 'global position acknowledged by the broker', registers: [registry], collect() { this.set(status().position); } });
    new Gauge({ name: 'jejak_relay_failed_attempts', help: 'consecutive failed publish attempts', registers: [registry], collect() { this.set(status().failedAttempts); } });
    new Gauge({ name: 'jejak_relay_leader', help: '1 when this process is the active relay', registers: [registry], collect() { this.set(status().role === 'leader' ? 1 : 0); } });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
    // A standby is healthy; a leader that keeps failing to publish is not.
    this.health.register('relay', () => {
      const s = this.relay.status;
      return { status: s.failedAttempts >= 5 ? 'down' : 'up', details: { ...s } };
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.health.unregister('relay');
    await this.relay.stop();
    await this.publisher.close();
  }
}
