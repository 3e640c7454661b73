import { AddAuditChainHead1732139100000 } from '../audit/AddAuditChainHead1732139100000';
import { CreateAuditLog1732139000000 } from '../audit/CreateAuditLog1732139000000';
import { CreateAreaRegistry1732140010000 } from '../areas/CreateAreaRegistry1732140010000';
import { CreateDataVersion1796500000000 } from '../cache/CreateDataVersion1796500000000';
import { LockAuditChainByItsHead1797100000000 } from '../audit/LockAuditChainByItsHead1797100000000';

/**
 * Migrations every subgraph's database runs before its own (see `createDataSource`): tables
 * the hub keeps in each sector's database, such as the audit log, its copy of the area registry
 * and the data version cached answers are checked against.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const SHARED_MIGRATIONS: Function[] = [CreateAuditLog1732139000000, AddAuditChainHead1732139100000, CreateAreaRegistry1732140010000, CreateDataVersion1796500000000, LockAuditChainByItsHead1797100000000];
