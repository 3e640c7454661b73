import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain's head, kept apart from the log (see docs/audit.md): one row holding how many
 * entries the log has, and the id and hash of the newest. Recomputing the chain cannot show that
 * its newest entries were removed; comparing its end with the head can (`verifyAuditChain`).
 *
 * - The chain trigger becomes SECURITY DEFINER: it runs as the owner (who ran the migrations),
 *   so the application role needs only INSERT on `audit_log`; no privilege on the sequence or
 *   the head. It links each new entry to the head's hash (not to the newest row left in the
 *   table), so entries written after a removal do not chain to what remains either, and moves
 *   the head in the same statement, hence the same transaction, as the insert.
 * - The head refuses every INSERT, DELETE and TRUNCATE, and every UPDATE but the chain
 *   trigger's, whoever asks. As with the log itself, the owner or a superuser can disable
 *   those triggers: a head moved back together with the entries removed is only visible
 *   against a copy of the head kept outside the database (`cswb audit verify --checkpoints`).
 *
 * Runs after CreateAuditLog1732139000000 and before every sector's migrations. The head starts
 * from the log as it is when this migration runs.
 */
export class AddAuditChainHead1732139100000 implements MigrationInterface {
  name = 'AddAuditChainHead1732139100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_chain_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        entries bigint NOT NULL CHECK (entries >= 0),
        last_id bigint,
        last_hash text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // No entry may be appended between reading the log's end and the head taking it.
    await queryRunner.query(`LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`
      INSERT INTO audit_chain_head (entries, last_id, last_hash)
      SELECT count(*), max(id), coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), repeat('0', 64))
        FROM audit_log`);

    await queryRunner.query(`
      CREATE FUNCTION audit_chain_head_guard() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        -- The chain trigger's UPDATE runs one trigger level down; a statement sent by anyone runs at level 1.
        IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_chain_head is moved only by appending to audit_log' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_chain_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard()`,
    );

    // The chain trigger of CreateAuditLog1732139000000, now linking to and moving the head.
    // Names are schema-qualified and the search path fixed, as a SECURITY DEFINER function needs.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
      DECLARE
        head public.audit_chain_head;
      BEGIN
        -- One writer at a time (the key is this table's, arbitrary but fixed).
        PERFORM pg_advisory_xact_lock(7301420025);
        SELECT * INTO head FROM public.audit_chain_head FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'audit_chain_head is missing: nothing can be appended to audit_log' USING ERRCODE = 'data_corrupted';
        END IF;
        NEW.id := nextval('public.audit_log_id_seq');
        NEW.occurred_at := clock_timestamp();
        NEW.previous_hash := head.last_hash;
        NEW.hash := encode(sha256(convert_to(public.audit_log_canonical_text(NEW), 'UTF8')), 'hex');
        UPDATE public.audit_chain_head
           SET entries = head.entries + 1, last_id = NEW.id, last_hash = NEW.hash, updated_at = NEW.occurred_at;
        RETURN NEW;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
      LANGUAGE plpgsql SECURITY INVOKER AS $$
      DECLARE
        last_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(7301420025);
        NEW.id := nextval('audit_log_id_seq');
        NEW.occurred_at := clock_timestamp();
        SELECT hash INTO last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
        NEW.previous_hash := coalesce(last_hash, repeat('0', 64));
        NEW.hash := encode(sha256(convert_to(audit_log_canonical_text(NEW), 'UTF8')), 'hex');
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`ALTER FUNCTION audit_log_chain() RESET search_path`);
    await queryRunner.query(`DROP TABLE audit_chain_head`);
    await queryRunner.query(`DROP FUNCTION audit_chain_head_guard()`);
  }
}
