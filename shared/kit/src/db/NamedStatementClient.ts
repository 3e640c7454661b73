import { Client } from 'pg';

const namesByText = new Map<string, string>();

/**
 * Registers `text` as a statement every subgraph connection sends as the named prepared
 * statement `name` (`NamedStatementClient`), and returns `text` unchanged for callers to send as
 * usual, through TypeORM, its logger, tracing and metrics. For the few statements sent on nearly
 * every request: PostgreSQL then parses and plans them once per connection rather than on each
 * use (the audit append: about half its CPU per entry alone, a quarter per profile served;
 * docs/benchmarks.md).
 */
export function namedStatement(name: string, text: string): string {
  if (!/^cswb_[a-z0-9_]+$/.test(name)) throw new TypeError(`namedStatement: name must be cswb_ followed by lower-case letters, digits or _, got ${JSON.stringify(name)}`);
  const registered = namesByText.get(text);
  if (registered !== undefined && registered !== name) throw new TypeError(`namedStatement: this statement is registered already as ${registered}`);
  if (registered === undefined && [...namesByText.values()].includes(name)) throw new TypeError(`namedStatement: ${name} is registered already for another statement`);
  namesByText.set(text, name);
  return text;
}

const send = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;

/**
 * The `pg` client subgraph data sources connect with (`createDataSource`): a statement registered
 * with `namedStatement`, sent as text with its parameters, goes to PostgreSQL as that named
 * statement; anything else as `pg` sends it. A named statement that failed to parse is parsed
 * again on its next use; PostgreSQL re-plans one whose tables changed.
 */
export class NamedStatementClient extends Client {}

// Assigned rather than declared: `pg` types `query` as a dozen overloads that one override cannot restate.
NamedStatementClient.prototype.query = function queryNamingRegisteredStatements(this: Client, ...args: unknown[]) {
  const [text, values, callback] = args;
  const name = typeof text === 'string' ? namesByText.get(text) : undefined;
  if (name !== undefined && Array.isArray(values)) return send.call(this, { name, text, values }, callback);
  return send.apply(this, args);
} as Client['query'];
