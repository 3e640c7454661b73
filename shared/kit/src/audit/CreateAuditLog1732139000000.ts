import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log every subgraph keeps in its own database (see docs/audit.md).
 *
 * - Append-only: UPDATE, DELETE and TRUNCATE are refused by triggers, whoever asks.
 * - Hash-chained: a BEFORE INSERT trigger, holding an advisory lock so inserts are serialised,
 *   assigns the id, stamps the time, links the row to the previous row's hash and hashes
 *   `audit_log_canonical_text(row)`. `verifyAuditChain` recomputes the same text in JS
 *   (`auditCanonicalText`): change one side, change both, and the test that compares them.
 *
 * Limits: the table's owner and any superuser can `ALTER TABLE audit_log DISABLE TRIGGER` and
 * then rewrite rows; the chain makes that visible to `cswb audit verify` unless every later
 * row is rewritten too (or the newest rows removed), which only an anchor kept outside the
 * database (the head hash) can show. Run subgraphs as a role that does not own the table.
 *
 * Included in every subgraph's migrations by `createDataSource`; its timestamp sorts before
 * every sector's. Migrations are history: never edit this one, add another.
 */
export class CreateAuditLog1732139000000 implements MigrationInterface {
  name = 'CreateAuditLog1732139000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigint PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        request_id text NOT NULL,
        subject text,
        agency text,
        sector text,
        purpose text,
        operation_name text,
        fields text[] NOT NULL,
        arguments jsonb NOT NULL,
        rows_returned int NOT NULL CHECK (rows_returned >= 0),
        previous_hash text NOT NULL,
        hash text NOT NULL
      )`);
    // bigserial without its default: the chain trigger takes the next id under its lock, so id
    // order is chain order even when requests insert concurrently.
    await queryRunner.query(`CREATE SEQUENCE audit_log_id_seq OWNED BY audit_log.id`);
    await queryRunner.query(`CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at)`);
    await queryRunner.query(`CREATE INDEX audit_log_subject_idx ON audit_log (subject, id)`);

    // The canonical text hashed for a row: a compact JSON array of the previous hash and every
    // column but id and hash, the time as UTC ISO with microseconds, the arguments as jsonb text.
    await queryRunner.query(`
      CREATE FUNCTION audit_log_canonical_text(entry audit_log) RETURNS text
      LANGUAGE sql STABLE AS $$
        SELECT '[' || concat_ws(',',
          to_json(entry.previous_hash)::text,
          to_json(to_char(entry.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text,
          to_json(entry.request_id)::text,
          coalesce(to_json(entry.subject)::text, 'null'),
          coalesce(to_json(entry.agency)::text, 'null'),
          coalesce(to_json(entry.sector)::text, 'null'),
          coalesce(to_json(entry.purpose)::text, 'null'),
          coalesce(to_json(entry.operation_name)::text, 'null'),
          to_json(entry.fields)::text,
          to_json(entry.arguments::text)::text,
          entry.rows_returned::text
        ) || ']'
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_chain() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        last_hash text;
      BEGIN
        -- One writer at a time (the key is this table's, arbitrary but fixed).
        PERFORM pg_advisory_xact_lock(7301420025);
        NEW.id := nextval('audit_log_id_seq');
        NEW.occurred_at := clock_timestamp();
        SELECT hash INTO last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
        NEW.previous_hash := coalesce(last_hash, repeat('0', 64));
        NEW.hash := encode(sha256(convert_to(audit_log_canonical_text(NEW), 'UTF8')), 'hex');
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    // Statement-level, so even an UPDATE or DELETE matching no row is refused.
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_log_canonical_text(audit_log)`);
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`DROP FUNCTION audit_log_chain()`);
  }
}
