import { CreateEventStore1732500000000 } from './1732500000000-create-event-store';
import { AppendMany1732500000001 } from './1732500000001-append-many';
import { SerialiseAppendsPerStream1732600000000 } from './1732600000000-serialise-appends-per-stream';
import { HashWithoutRebuildingJsonb1732600000001 } from './1732600000001-hash-without-rebuilding-jsonb';
import { AppendNewStreamsInOnePass1732600002000 } from './1732600002000-append-new-streams-in-one-pass';
import { PositionOffset1733100000000 } from './1733100000000-position-offset';
import { AuditAnchors1733400000000 } from './1733400000000-audit-anchors';
import { LighterAppend1733500000000 } from './1733500000000-lighter-append';
import { AppendGroupCommit1733600000000 } from './1733600000000-append-group-commit';
import { GroupCommitSkipsHeldStreams1733600000001 } from './1733600000001-group-commit-skips-held-streams';

/** In order; each runs once (TypeORM's migrations table), inside its own transaction. */
export const eventStoreMigrations = [
  CreateEventStore1732500000000,
  AppendMany1732500000001,
  SerialiseAppendsPerStream1732600000000,
  HashWithoutRebuildingJsonb1732600000001,
  AppendNewStreamsInOnePass1732600002000,
  PositionOffset1733100000000,
  AuditAnchors1733400000000,
  LighterAppend1733500000000,
  AppendGroupCommit1733600000000,
  GroupCommitSkipsHeldStreams1733600000001,
];
