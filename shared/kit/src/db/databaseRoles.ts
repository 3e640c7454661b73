import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The two database roles of a subgraph (docs/audit.md, "Database roles"):
 *
 * - the **owner**: the role of the configured URL (`<NAME>_DATABASE_URL`, `DATABASE_URL` or the
 *   embedded server's). It owns every table, runs the migrations, seeds, imports and refreshes
 *   the rollups, and is the only one that could disable the audit log's triggers.
 * - the **application role** the subgraph serves with: it owns nothing, reads every table,
 *   appends to `audit_log` (never UPDATE, DELETE or TRUNCATE), writes only the tables its
 *   definition lists in `writes`, and cannot create anything. Either made here, named after the
 *   database (`<database>_app`, roles being cluster-wide), or provisioned by an operator and
 *   given as `<NAME>_APP_DATABASE_URL`.
 */

/** PostgreSQL's longest identifier (NAMEDATALEN - 1). */
const MAX_IDENTIFIER = 63;

/** Serialises provisioning of one database by concurrent processes (an arbitrary fixed key). */
const PROVISION_LOCK = 7301420026;

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/**
 * The application role made for a database: `<database>_app`. Roles are cluster-wide, so the
 * name follows the database's; a name too long for PostgreSQL keeps a hash of the whole.
 */
export function applicationRoleName(database: string): string {
  const name = `${database}_app`;
  if (name.length <= MAX_IDENTIFIER) return name;
  const hash = createHash('sha256').update(database, 'utf8').digest('hex').slice(0, 8);
  return `${database.slice(0, MAX_IDENTIFIER - 13)}_${hash}_app`;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802/7677, PostgreSQL's
 * `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`): given to `ALTER ROLE ... PASSWORD`
 * so that the password itself never reaches the server, its logs or its statistics.
 */
export function scramSha256Verifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

export interface ApplicationRoleOptions {
  /** The owner's connection: the configured database URL. */
  ownerUrl: string;
  /** An application role an operator provisioned (`<NAME>_APP_DATABASE_URL`): granted to, never created or altered. */
  appUrl?: string;
  /** Tables the running subgraph writes rows of (its mutations): SELECT, INSERT, UPDATE, DELETE on these. */
  writes: readonly string[];
  /**
   * The caller will connect as the application role: a role made here gets a new random
   * password (kept in memory only) and the URL to connect with. Off for work done as the owner
   * (`cswb import`, `cswb migrate`), which must not change the password a running subgraph uses.
   */
  connect: boolean;
}

export interface ApplicationRole {
  role: string;
  /** Where to connect as the role: set when `connect` was asked for (or the role was given). */
  url?: string;
}

interface Me {
  name: string;
  superuser: boolean;
  createrole: boolean;
  owns_database: boolean;
}

/**
 * Makes (or adopts) the database's application role and sets its privileges, in one
 * transaction, so a subgraph already serving never sees them half-set. Run after the migrations,
 * as the owner, on every start: privileges follow the tables the migrations made. Then checks
 * what the role can do, and refuses (throws) when it owns or may become the owner of anything,
 * is a superuser, can bypass row security, create objects, or change the audit log.
 */
export async function provisionApplicationRole(options: ApplicationRoleOptions): Promise<ApplicationRole> {
  const database = databaseNameOf(options.ownerUrl);
  const given = options.appUrl ? new URL(options.appUrl) : undefined;
  const role = given ? decodeURIComponent(given.username) : applicationRoleName(database);
  if (given && databaseNameOf(given.toString()) !== database) {
    throw new Error(`the application role's URL names database "${databaseNameOf(given.toString())}", not "${database}"`);
  }
  for (const table of options.writes) {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`writable table "${table}" must be a plain lower-case SQL identifier`);
  }
  const client = new Client({ connectionString: options.ownerUrl });
  await client.connect();
  let url = given?.toString();
  try {
    const me = (
      await client.query<Me>(
        `SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolcreaterole AS createrole, d.datdba = r.oid AS owns_database
           FROM pg_roles r, pg_database d
          WHERE r.rolname = current_user AND d.datname = current_database()`,
      )
    ).rows[0];
    if (role === me.name) {
      throw new Error(`the application role "${role}" is the owner role of ${database}: give the application a role of its own`);
    }
    const app = quoteIdentifier(role);
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [PROVISION_LOCK]);
      if (!given) {
        if (!me.superuser && !me.createrole) {
          throw new Error(
            `role "${me.name}" cannot create the application role "${role}" (it needs CREATEROLE): ` +
              'create a role for the application and give its URL in <NAME>_APP_DATABASE_URL (docs/audit.md)',
          );
        }
        const exists = ((await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount ?? 0) > 0;
        const attributes = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT';
        await client.query(exists ? `ALTER ROLE ${app} WITH ${attributes}` : `CREATE ROLE ${app} WITH ${attributes}`);
        if (options.connect) {
          const password = randomBytes(24).toString('base64url');
          // A verifier, not the password: only this process ever holds the password.
          await client.query(`ALTER ROLE ${app} WITH PASSWORD '${scramSha256Verifier(password)}'`);
          const appUrl = new URL(options.ownerUrl);
          appUrl.username = role;
          appUrl.password = password;
          url = appUrl.toString();
        }
      }
      await grantApplicationPrivileges(client, { database, app, writes: options.writes, me });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    const problems = await applicationRoleProblems(client, role);
    if (problems.length) {
      throw new Error(`refusing to serve ${database} as role "${role}": it ${problems.join('; it ')}`);
    }
    return { role, url };
  } finally {
    await client.end();
  }
}

async function grantApplicationPrivileges(
  client: Client,
  options: { database: string; app: string; writes: readonly string[]; me: Me },
): Promise<void> {
  const { app } = options;
  const database = quoteIdentifier(options.database);
  if (options.me.superuser || options.me.owns_database) {
    // No temporary objects and nothing created in public (PostgreSQL 15+ already withholds it).
    await client.query(`REVOKE TEMPORARY ON DATABASE ${database} FROM PUBLIC`);
    await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${app}`);
    // Before PostgreSQL 15 a non-superuser database owner may not own schema public: then the
    // check below decides whether the role may create in it.
    await client.query('SAVEPOINT public_schema');
    try {
      await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
      await client.query('RELEASE SAVEPOINT public_schema');
    } catch {
      await client.query('ROLLBACK TO SAVEPOINT public_schema');
    }
  }
  await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
  // From nothing, every time: a table no longer written, or a privilege granted by hand, goes.
  await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`);
  await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}`);
  await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${app}`);
  // Appends only: the chain trigger (SECURITY DEFINER) numbers, stamps, links and moves the head.
  await client.query(`GRANT INSERT ON audit_log TO ${app}`);
  for (const table of options.writes) {
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${quoteIdentifier(table)} TO ${app}`);
  }
}

/**
 * What the role may do that an application role must not, as sentences ("is a superuser");
 * empty when none. Checked as the owner, from the catalogue, after the grants.
 */
export async function applicationRoleProblems(client: Pick<Client, 'query'>, role: string): Promise<string[]> {
  const problems: string[] = [];
  const attributes = (
    await client.query<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean; rolcreatedb: boolean }>(
      'SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = $1',
      [role],
    )
  ).rows[0];
  if (!attributes) return [`does not exist`];
  if (attributes.rolsuper) problems.push('is a superuser');
  if (attributes.rolbypassrls) problems.push('bypasses row-level security');
  if (attributes.rolcreaterole) problems.push('can create roles');
  if (attributes.rolcreatedb) problems.push('can create databases');
  const owned = (
    await client.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
          AND pg_has_role($1::name, c.relowner, 'MEMBER')
        ORDER BY 1 LIMIT 5`,
      [role],
    )
  ).rows;
  if (owned.length) problems.push(`owns, or may act as the owner of, ${owned.map((o) => o.name).join(', ')}`);
  const privileges = (
    await client.query<{ privilege: string }>(
      `SELECT p AS privilege FROM unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES']) AS p
        WHERE has_table_privilege($1::name, 'audit_log', p)
       UNION ALL
       SELECT 'write audit_chain_head' WHERE to_regclass('audit_chain_head') IS NOT NULL
          AND has_table_privilege($1::name, 'audit_chain_head', 'INSERT, UPDATE, DELETE, TRUNCATE')
       UNION ALL
       SELECT 'CREATE on schema public' WHERE has_schema_privilege($1::name, 'public', 'CREATE')`,
      [role],
    )
  ).rows;
  if (privileges.length) problems.push(`may ${privileges.map((p) => p.privilege).join(', ')} (on audit_log unless named)`);
  return problems;
}

/** Drops a database's application role made by `provisionApplicationRole`, if there is one (tests). */
export async function dropApplicationRole(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP ROLE IF EXISTS ${quoteIdentifier(applicationRoleName(database))}`);
  } finally {
    await client.end();
  }
}
