import { CreateAuditLog1732139000000 } from '../audit/CreateAuditLog1732139000000';

/**
 * Migrations every subgraph's database runs before its own (see `createDataSource`): tables
 * the hub keeps in each sector's database, such as the audit log.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const SHARED_MIGRATIONS: Function[] = [CreateAuditLog1732139000000];
