/** The raw history of one stream, exactly as stored (personal fields stay sealed). */
export class ReadStreamHistoryQuery {
  constructor(
    readonly streamId: string,
    readonly fromVersion = 1,
  ) {}
}

/** Recomputes the stream's hash chain: proof that history was not altered. */
export class VerifyStreamQuery {
  constructor(readonly streamId: string) {}
}
