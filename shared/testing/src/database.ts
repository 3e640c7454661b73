import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { applicationRoleName, quoteIdentifier } from '@cswb/subgraph-kit/db';

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
