import 'reflect-metadata';

export * from './AddAuditChainHead1732139100000';
export * from './AuditEntry';
export * from './AuditLogArgs';
export * from './CreateAuditLog1732139000000';
export * from './LockAuditChainByItsHead1797100000000';
export * from './auditCanonicalText';
export * from './auditCheckpoints';
export * from './auditEntryFor';
export * from './auditHash';
export * from './auditLogResolver';
export * from './auditPlugin';
export * from './isoMicroseconds';
export * from './recordAreaRead';
export * from './verifyAuditChain';
export * from './writeAuditEntry';
