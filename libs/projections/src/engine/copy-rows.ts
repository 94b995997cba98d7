import type { PoolClient } from 'pg';

/** A value for COPY's text format: objects (and arrays) go to json/jsonb columns as JSON. */
export type CopyValue = string | number | boolean | Date | null | undefined | object;

/**
 * The parts of pg's connection a COPY FROM STDIN needs: its socket, written to directly as
 * pg-copy-streams does, so the payload is not copied once more into a message of pg's making.
 */
interface CopyConnection {
  query(text: string): void;
  stream: { write(chunk: Buffer): boolean };
  endCopyFrom(): void;
}

const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function field(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  else if (value instanceof Date) return value.toISOString();
  else text = JSON.stringify(value);
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : text;
}

/** CopyData: the byte 'd', then an int32 length that counts itself and the rows */
const HEADER_BYTES = 5;
const COPY_DATA = 0x64;
const NEWLINE = 0x0a;
const INITIAL_BYTES = 1024 * 1024;
/**
 * Buffers kept for the next COPY: one per rebuild lane (5 by default) and one more, none larger than
 * a batch of the default size needs several times over (a 5,000-event batch is 2-4 MB of rows), so a
 * process keeps at most 96 MB of them after a rebuild, and typically 10-20 MB.
 */
const SPARE_BUFFERS = 6;
const LARGEST_KEPT = 16 * 1024 * 1024;
const spare: Buffer[] = [];

/**
 * One COPY's rows as a single CopyData message, each encoded as it comes into a buffer that the next
 * COPY reuses once PostgreSQL has answered this one (it has then read every byte of it). A rebuild
 * copies a few MB per batch and lane: built as one string and then a fresh Buffer, each payload
 * cost a flatten of a long string of concatenations, a copy into pg's own message, and page faults
 * on fresh large allocations.
 */
class CopyPayload {
  private buffer = spare.pop() ?? Buffer.allocUnsafeSlow(INITIAL_BYTES);
  private bytes = HEADER_BYTES;

  /** one row: its fields joined by tabs, and the newline that ends it */
  addRow(fields: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit (a surrogate pair's 4 bytes are 2 units)
    const needed = this.bytes + 3 * fields.length + 1;
    if (needed > this.buffer.length) {
      const larger = Buffer.allocUnsafeSlow(Math.max(needed, 2 * this.buffer.length));
      this.buffer.copy(larger, 0, 0, this.bytes);
      this.buffer = larger;
    }
    this.bytes += this.buffer.write(fields, this.bytes);
    this.buffer[this.bytes++] = NEWLINE;
  }

  /** the finished message: a view of the buffer, valid until `recycle` */
  message(): Buffer {
    this.buffer[0] = COPY_DATA;
    this.buffer.writeInt32BE(this.bytes - 1, 1);
    return this.buffer.subarray(0, this.bytes);
  }

  recycle(): void {
    if (spare.length < SPARE_BUFFERS && this.buffer.length <= LARGEST_KEPT) spare.push(this.buffer);
  }
}

/**
 * One `COPY ... FROM STDIN` as a pg "submittable": the client hands it the connection when the
 * query's turn comes, so it queues behind other queries like any statement. The whole payload
 * goes in one CopyData message (a batch is a few MB at most).
 */
class CopyFromStdin {
  readonly done: Promise<number>;
  private rowCount = 0;
  private failed = false;
  private settle!: (error?: Error) => void;

  constructor(
    private readonly text: string,
    private readonly payload: CopyPayload,
  ) {
    this.done = new Promise<number>((resolve, reject) => {
      this.settle = (error) => (error ? reject(error) : resolve(this.rowCount));
    });
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    connection.stream.write(this.payload.message());
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text?: string }): void {
    this.rowCount = Number(/\d+$/.exec(message.text ?? '')?.[0] ?? 0);
  }

  /** a database error is followed by ReadyForQuery; a broken connection is not, so settle now */
  handleError(error: Error): void {
    // the socket may still hold the payload: its buffer is not reused
    this.failed = true;
    this.settle(error);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.payload.recycle();
    this.settle();
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/**
 * Appends rows with COPY (text format): several times cheaper than a multi-row INSERT for rows
 * that are only ever inserted, e.g. an append-only table filled by a rebuild, where each event is
 * handed over exactly once and nothing can conflict. Returns the number of rows copied.
 */
export async function copyRows(client: PoolClient, table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<number> {
  if (rows.length === 0) return 0;
  const payload = new CopyPayload();
  // join builds each row's text flat at once, where `+=` made a string object per field and then a copy
  for (const row of rows) payload.addRow(row.map(field).join('\t'));
  const copy = new CopyFromStdin(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, payload);
  (client as unknown as { query(submittable: CopyFromStdin): void }).query(copy);
  return copy.done;
}
