export class RebuildInProgressError extends Error {
  readonly code = 'PROJECTIONS.REBUILD_IN_PROGRESS';
  constructor(readonly projection: string) {
    super(`a rebuild of projection ${projection} is already running`);
  }
}

export class UnknownProjectionError extends Error {
  readonly code = 'PROJECTIONS.UNKNOWN';
  constructor(readonly projection: string) {
    super(`unknown projection ${projection}`);
  }
}

export class RebuildPoisonError extends Error {
  readonly code = 'PROJECTIONS.REBUILD_HIT_POISON';
  constructor(
    readonly projection: string,
    readonly globalPosition: number,
    cause: string,
  ) {
    super(`rebuild of ${projection} stopped at event ${globalPosition} (policy stop): ${cause}`);
  }
}
