export * from './tokens';
export * from './health.service';
export * from './platform.module';
export { AuditAnchorSchedule, AuditAnchorsUnavailableError } from './audit-anchors';
