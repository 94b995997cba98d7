import type { RecordedEvent } from './event-store.port';

/** A pure function from one schema version of an event type to the next. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown, event: RecordedEvent): unknown;
}

/** Applied on read; stored events are never rewritten. */
export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: Upcaster[] = []) {
    upcasters.forEach((u) => this.register(u));
  }

  register(u: Upcaster): this {
    const key = `${u.type}@${u.fromVersion}`;
    if (this.byKey.has(key)) throw new Error(`an upcaster for ${key} is already registered`);
    this.byKey.set(key, u);
    return this;
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  apply<E extends RecordedEvent>(event: E): E {
    let current: E = event;
    for (let u = this.byKey.get(`${current.type}@${current.schemaVersion}`); u; u = this.byKey.get(`${current.type}@${current.schemaVersion}`)) {
      current = { ...current, data: u.upcast(current.data, current), schemaVersion: current.schemaVersion + 1 };
    }
    return current;
  }
}
