/** Injection tokens shared by every app and lib. */
export const JEJAK_CONFIG = Symbol('JEJAK_CONFIG');
export const PG_POOL = Symbol('PG_POOL');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
/** the event log's audit anchors (ADR 0009): an AuditAnchors, or null when the log is not in PostgreSQL */
export const AUDIT_ANCHORS = Symbol('AUDIT_ANCHORS');
/** appends heard across processes (ADR 0011): a PostgresAppendSignal, or null (KurrentDB, JEJAK_APPEND_SIGNAL=off) */
export const APPEND_SIGNAL = Symbol('APPEND_SIGNAL');
