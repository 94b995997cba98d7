/** A listener of a store's appends (EventStore.onAppended), told the append's last position when known. */
export type AppendListener = (lastPosition?: number) => void;

/**
 * The listeners of one store's appends, for both implementations: each is told after the append
 * has committed, and a listener's failure is its own, never the append's nor the other listeners'.
 */
export class AppendListeners {
  private readonly listeners = new Set<AppendListener>();

  /** returns the way to stop listening */
  add(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readonly tell = (lastPosition?: number): void => {
    for (const listener of [...this.listeners]) {
      try {
        listener(lastPosition);
      } catch {
        // the events are stored; the caller must not see the append as failed
      }
    }
  };
}
