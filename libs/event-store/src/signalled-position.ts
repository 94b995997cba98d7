/**
 * The newest global position an append signal named, for a reader woken by it. A commit becomes
 * readable only once every older transaction in the cluster has ended (the gap-safe horizon, ADR
 * 0002), so a reader woken at once may find nothing new yet. While a signalled event is still ahead
 * of it, the reader looks again soon instead of waiting for its poll; for `forMs` at most, after
 * which a horizon held back longer (a long transaction elsewhere) is left to the poll.
 */
export class SignalledPosition {
  private position = 0;
  private at = Number.NEGATIVE_INFINITY;

  constructor(private readonly forMs = 5000) {}

  note(position: number | undefined): void {
    if (position === undefined || !Number.isFinite(position)) return;
    this.position = Math.max(this.position, position);
    this.at = performance.now();
  }

  /** a reader at `reached`: is a signalled event still ahead of it, recently enough to look again soon? */
  ahead(reached: number): boolean {
    return reached < this.position && performance.now() - this.at < this.forMs;
  }
}
