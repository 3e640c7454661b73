import { verifyAuditChain, writeAuditEntry } from '@cswb/subgraph-kit/audit';
import { applicationRoleName, createDataSource, databaseNameOf, scramSha256Verifier } from '@cswb/subgraph-kit/db';
import { prepareDatabase, SubgraphDefinition } from '@cswb/subgraph-kit/server';
import { discoverSubgraphs } from '@cswb/cli';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { dropDatabase, freshDatabaseUrl, testServerUrl } from '@cswb/testing/database';

/**
 * The database role a subgraph serves with, attacked as a compromised subgraph would: with its
 * own connection, trying to rewrite, remove or stop the audit, or to take the owner's powers.
 * Migrations, seeding and imports run as the owner (the configured URL); docs/audit.md.
 */
const definition = (name: string) => discoverSubgraphs().find((s) => s.definition.name === name)!.definition as SubgraphDefinition<unknown>;

const ENTRY = { requestId: 'roles-test', subject: 's', agency: null, sector: null, purpose: 'evaluation', operationName: null, fields: ['Q.f'], arguments: {}, rowsReturned: 1 };

async function asOwner<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const urls: string[] = [];
afterAll(async () => {
  await Promise.all(urls.map(dropDatabase));
});

describe('the application role of a sector subgraph (police)', () => {
  let ownerUrl: string;
  let app: DataSource;
  let appRole: string;

  beforeAll(async () => {
    ownerUrl = freshDatabaseUrl('roles_police');
    urls.push(ownerUrl);
    const prepared = await prepareDatabase(definition('police'), { url: ownerUrl });
    app = prepared.db;
    appRole = prepared.appRole;
    await writeAuditEntry(app, ENTRY);
    await writeAuditEntry(app, ENTRY);
  });
  afterAll(async () => {
    if (app?.isInitialized) await app.destroy();
  });

  it('is its own role, named after the database, not a superuser, and connects with a password only this process knows', async () => {
    const database = databaseNameOf(ownerUrl);
    expect(appRole).toBe(applicationRoleName(database));
    const [me] = await app.query(`SELECT current_user AS name, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls, r.rolreplication
      FROM pg_roles r WHERE r.rolname = current_user`);
    expect(me).toEqual({ name: appRole, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, rolreplication: false });
    expect(new URL((app.options as { url: string }).url).username).toBe(appRole);
    // The server stores a SCRAM verifier, never the password.
    const [{ verifier }] = await asOwner(ownerUrl, async (c) => (await c.query('SELECT rolpassword AS verifier FROM pg_authid WHERE rolname = $1', [appRole])).rows);
    expect(verifier).toMatch(/^SCRAM-SHA-256\$4096:/);
    expect(verifier).not.toContain(new URL((app.options as { url: string }).url).password);
  });

  it('owns no table, view, sequence or function, and is no member of a role that does', async () => {
    const owned = await app.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'MEMBER')`,
    );
    expect(owned).toEqual([]);
    expect(await app.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`)).toEqual([]);
    expect(await app.query(`SELECT proname FROM pg_proc WHERE pg_has_role(current_user, proowner, 'MEMBER') AND pronamespace = 'public'::regnamespace`)).toEqual([]);
    // What it does own nothing of is real: the owner has the tables.
    const [{ tables }] = await app.query(`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables).toBeGreaterThan(3);
    const [{ owners }] = await app.query(`SELECT array_agg(DISTINCT tableowner::text) AS owners FROM pg_tables WHERE schemaname = 'public'`);
    expect(owners).toEqual([new URL(ownerUrl).username]);
  });

  it('cannot UPDATE, DELETE or TRUNCATE the audit log, nor remove its newest entry', async () => {
    const before = await app.query('SELECT id, hash FROM audit_log ORDER BY id');
    expect(before).toHaveLength(2);
    await expect(app.query(`UPDATE audit_log SET rows_returned = 0`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE audit_log SET subject = NULL WHERE false`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`MERGE INTO audit_log a USING (SELECT 1) s ON true WHEN MATCHED THEN DELETE`)).rejects.toThrow(/permission denied/);
    expect(await app.query('SELECT id, hash FROM audit_log ORDER BY id')).toEqual(before);
  });

  it('cannot disable, drop or get around the audit triggers', async () => {
    for (const statement of [
      'ALTER TABLE audit_log DISABLE TRIGGER USER',
      'ALTER TABLE audit_log DISABLE TRIGGER ALL',
      'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only',
      'DROP TRIGGER audit_log_chain ON audit_log',
      'ALTER TABLE audit_log RENAME TO audit_log_old',
      'DROP TABLE audit_log',
      'ALTER TABLE audit_chain_head DISABLE TRIGGER USER',
    ]) {
      await expect(app.query(statement)).rejects.toThrow(/must be owner/);
    }
    await expect(app.query(`CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`)).rejects.toThrow(
      /must be owner|permission denied/,
    );
    // Triggers off for the session: replica mode is for superusers only.
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    // Nor a trigger of its own, nor the owner's role.
    await expect(app.query(`CREATE TRIGGER mine BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`)).rejects.toThrow(/permission denied|must be owner/);
    await expect(app.query(`SET ROLE ${JSON.stringify(new URL(ownerUrl).username)}`)).rejects.toThrow(/permission denied/);
    // Still intact: the next entry is chained by the trigger.
    await writeAuditEntry(app, ENTRY);
    expect(await verifyAuditChain(app)).toMatchObject({ ok: true, entries: 3 });
  });

  it('cannot write the chain head, and reads it as the trigger moved it', async () => {
    const [head] = await app.query('SELECT entries::int AS entries, last_id::int AS last_id FROM audit_chain_head');
    expect(head).toEqual({ entries: 3, last_id: 3 });
    await expect(app.query(`UPDATE audit_chain_head SET entries = entries - 1`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM audit_chain_head`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`INSERT INTO audit_chain_head (singleton, entries, last_hash) VALUES (true, 0, 'x')`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`TRUNCATE audit_chain_head`)).rejects.toThrow(/permission denied/);
    // Nor the sequence that numbers entries.
    await expect(app.query(`SELECT setval('audit_log_id_seq', 1)`)).rejects.toThrow(/permission denied/);
    expect(await app.query('SELECT entries::int AS entries, last_id::int AS last_id FROM audit_chain_head')).toEqual([head]);
  });

  it('appends entries whose id, time and hashes only the trigger sets', async () => {
    const [row] = await app.query(
      `INSERT INTO audit_log (id, occurred_at, request_id, fields, arguments, rows_returned, previous_hash, hash)
       VALUES (999999, '2000-01-01', 'forged', '{}', '{}', 0, 'x', 'y') RETURNING id::int AS id, previous_hash, hash`,
    );
    expect(row.id).toBe(4);
    expect(row.previous_hash).not.toBe('x');
    expect((await verifyAuditChain(app)).ok).toBe(true);
  });

  it("reads every table, but writes none of the sector's and creates nothing", async () => {
    const tables: { name: string }[] = await app.query(
      `SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'm') ORDER BY 1`,
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['audit_log', 'audit_chain_head', 'police_occurrence', 'police_measure_monthly']));
    for (const { name } of tables) await app.query(`SELECT count(*) FROM "${name}"`);
    await expect(app.query(`DELETE FROM police_occurrence`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE police_occurrence SET cleared = true`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`REFRESH MATERIALIZED VIEW police_measure_monthly`)).rejects.toThrow(/must be owner|permission denied/);
    await expect(app.query(`CREATE TABLE mine (x int)`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`CREATE TEMPORARY TABLE mine (x int)`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`CREATE FUNCTION mine() RETURNS int LANGUAGE sql AS 'SELECT 1'`)).rejects.toThrow(/permission denied/);
    // GRANT without the grant option only warns; it grants nothing.
    await app.query(`GRANT UPDATE, DELETE ON audit_log TO PUBLIC`);
    expect(await app.query(`SELECT has_table_privilege(current_user, 'audit_log', 'UPDATE, DELETE, TRUNCATE') AS may`)).toEqual([{ may: false }]);
    await expect(app.query(`CREATE ROLE mine`)).rejects.toThrow(/permission denied/);
  });

  it('keeps its password when the owner prepares the database again (cswb import while it serves)', async () => {
    const again = await prepareDatabase(definition('police'), { url: ownerUrl, connectAs: 'owner' });
    expect(again.appRole).toBe(appRole);
    await again.db.destroy();
    // A new connection with the serving process's password still works, with the same privileges.
    const another = createDataSource(definition('police'), { url: (app.options as { url: string }).url, poolSize: 1 });
    await another.initialize();
    try {
      expect(await another.query('SELECT current_user AS name')).toEqual([{ name: appRole }]);
      await expect(another.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
    } finally {
      await another.destroy();
    }
  });
});

describe('the application role of planning', () => {
  it('writes the plan tables, and only those', async () => {
    const url = freshDatabaseUrl('roles_planning');
    urls.push(url);
    const { db } = await prepareDatabase(definition('planning'), { url });
    try {
      const writable: { table_name: string }[] = await db.query(
        `SELECT DISTINCT table_name FROM information_schema.table_privileges
          WHERE grantee = current_user AND privilege_type IN ('INSERT', 'UPDATE', 'DELETE') ORDER BY 1`,
      );
      expect(writable.map((t) => t.table_name)).toEqual([
        'audit_log',
        'plan',
        'plan_committee_member',
        'plan_implementation_task',
        'plan_outcome',
        'plan_performance_measure',
        'plan_priority_risk',
        'plan_priority_risk_area',
        'plan_strategy',
        'plan_strategy_priority_risk',
      ]);
      const onAudit: { privilege_type: string }[] = await db.query(
        `SELECT privilege_type FROM information_schema.table_privileges WHERE grantee = current_user AND table_name = 'audit_log' ORDER BY 1`,
      );
      expect(onAudit.map((p) => p.privilege_type)).toEqual(['INSERT', 'SELECT']);
      await expect(db.query(`DELETE FROM area`)).rejects.toThrow(/permission denied/);
    } finally {
      await db.destroy();
    }
  });
});

describe('an application role an operator provisioned (<NAME>_APP_DATABASE_URL)', () => {
  const roles: string[] = [];
  const databases: string[] = [];
  afterAll(async () => {
    // The databases first: their grants depend on the roles.
    await Promise.all(databases.map(dropDatabase));
    await asOwner(testServerUrl(), async (c) => {
      for (const role of roles) await c.query(`DROP ROLE IF EXISTS "${role}"`);
    });
  });

  async function provisionedRole(name: string, attributes = ''): Promise<string> {
    roles.push(name);
    await asOwner(testServerUrl(), (c) => c.query(`CREATE ROLE "${name}" LOGIN ${attributes} PASSWORD '${scramSha256Verifier('operator-secret')}'`));
    return name;
  }

  function appUrlFor(ownerUrl: string, role: string): string {
    const url = new URL(ownerUrl);
    url.username = role;
    url.password = 'operator-secret';
    return url.toString();
  }

  it('is granted to, not altered: the subgraph connects with the URL given', async () => {
    const url = freshDatabaseUrl('roles_operator');
    databases.push(url);
    const role = await provisionedRole(`operator_app_${Date.now()}`);
    const { db, appRole } = await prepareDatabase(definition('education'), { url, appUrl: appUrlFor(url, role) });
    try {
      expect(appRole).toBe(role);
      expect(await db.query('SELECT current_user AS name')).toEqual([{ name: role }]);
      await db.query('SELECT count(*) FROM education_school');
      await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/permission denied/);
      // No role of the database's own name was made.
      await asOwner(testServerUrl(), async (c) => {
        expect((await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [applicationRoleName(databaseNameOf(url))])).rowCount).toBe(0);
      });
    } finally {
      await db.destroy();
    }
  });

  it('is refused when it is a superuser, or owns a table, with a reason', async () => {
    const url = freshDatabaseUrl('roles_refused');
    databases.push(url);
    const superuser = await provisionedRole(`operator_super_${Date.now()}`, 'SUPERUSER');
    await expect(prepareDatabase(definition('education'), { url, appUrl: appUrlFor(url, superuser) })).rejects.toThrow(/refusing to serve .* is a superuser/);

    const owner = await provisionedRole(`operator_owner_${Date.now()}`);
    await asOwner(url, (c) => c.query(`ALTER TABLE education_school OWNER TO "${owner}"`));
    await expect(prepareDatabase(definition('education'), { url, appUrl: appUrlFor(url, owner) })).rejects.toThrow(
      /refusing to serve .* owns, or may act as the owner of, public\.education_school/,
    );
    await asOwner(url, (c) => c.query(`ALTER TABLE education_school OWNER TO CURRENT_USER`));
  });
});

describe('role names', () => {
  it('follow the database name, hashed when PostgreSQL would cut them', () => {
    expect(applicationRoleName('cswb_police')).toBe('cswb_police_app');
    const long = `t_${'x'.repeat(70)}`;
    const name = applicationRoleName(long);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/_[0-9a-f]{8}_app$/);
    expect(applicationRoleName(`${long}y`)).not.toBe(name);
  });

  it('go with the test database (dropDatabase)', async () => {
    const url = freshDatabaseUrl('roles_dropped');
    const { db, appRole } = await prepareDatabase(definition('education'), { url });
    await db.destroy();
    await dropDatabase(url);
    await asOwner(testServerUrl(), async (c) => {
      expect((await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [appRole])).rowCount).toBe(0);
    });
  });
});
