import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, Logger } from 'typeorm';
import { applicationRoleName, createDataSource, ensureDatabase, quoteIdentifier } from '@cswb/subgraph-kit/db';
import type { SubgraphDefinition } from '@cswb/subgraph-kit/server';

export function testServerUrl(): string {
  const url = process.env.CSWB_TEST_POSTGRES_URL;
  if (!url) throw new Error('CSWB_TEST_POSTGRES_URL is not set: run the tests with "npm test"');
  return url;
}

/** A URL for a new, uniquely named database on the test server (created on first use). */
export function freshDatabaseUrl(label: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    // Roles are cluster-wide: the database's application role goes with it (docs/audit.md).
    await client.query(`DROP ROLE IF EXISTS ${quoteIdentifier(applicationRoleName(name))}`);
  } finally {
    await client.end();
  }
}

/** The rows of one statement, on a connection of its own (closed before it returns). */
export async function queryRows<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Runs `run` while the sector's audit log is out of reach (renamed by its owner), then puts it back: what an audited answer must then be withheld under. */
export async function withAuditLogGone<T>(owner: { query(sql: string): Promise<unknown> }, run: () => Promise<T>): Promise<T> {
  await owner.query('ALTER TABLE audit_log RENAME TO audit_log_x');
  try {
    return await run();
  } finally {
    await owner.query('ALTER TABLE audit_log_x RENAME TO audit_log');
  }
}

export interface SharedTablesDatabase {
  url: string;
  /** Opened as a subgraph opens its own (`createDataSource`), with the migrations every subgraph shares run. */
  db: DataSource;
  /** A connection as the database's owner, for what a subgraph may not do. */
  owner: Client;
  close(): Promise<void>;
}

/**
 * A new database holding only the tables every subgraph keeps (the audit log and its head, the
 * area registry, the data version): for tests of those alone.
 */
export async function openSharedTablesDatabase(label: string, options: { poolSize: number; logger?: Logger }): Promise<SharedTablesDatabase> {
  const url = freshDatabaseUrl(label);
  await ensureDatabase(url);
  const db = createDataSource({ name: label, migrations: [], entities: [] } as unknown as SubgraphDefinition, { url, ...options });
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  const owner = new Client({ connectionString: url });
  await owner.connect();
  return {
    url,
    db,
    owner,
    async close() {
      await owner.end();
      await db.destroy();
      await dropDatabase(url);
    },
  };
}
