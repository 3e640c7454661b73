import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AuditChainEnd } from './verifyAuditChain';

/**
 * Signed checkpoints of the audit chains, kept outside the databases (docs/audit.md): the end
 * of each subgraph's chain as `cswb audit verify --checkpoints <dir>` last found it intact, in
 * `<dir>/<subgraph>.json`, signed with HMAC-SHA-256. The database's own head catches the newest
 * entries removed; only a copy the database's owner cannot reach catches them removed together
 * with the head moved back. Keep the folder (and the key, `AUDIT_CHECKPOINT_KEY` or
 * `<dir>/checkpoint.key`) away from the database's host and its administrators.
 */
export interface AuditCheckpoint extends AuditChainEnd {
  subgraph: string;
  /** When the chain was found intact up to here (ISO 8601). */
  recordedAt: string;
}

interface StoredCheckpoint extends AuditCheckpoint {
  /** HMAC-SHA-256 (hex) of `signedText`. */
  signature: string;
}

export class AuditCheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditCheckpointError';
  }
}

const KEY_FILE = 'checkpoint.key';

function signedText(checkpoint: AuditCheckpoint): string {
  return JSON.stringify(['cswb-audit-checkpoint-v1', checkpoint.subgraph, checkpoint.entries, checkpoint.lastId, checkpoint.lastHash, checkpoint.recordedAt]);
}

export function signAuditCheckpoint(checkpoint: AuditCheckpoint, key: Buffer): string {
  return createHmac('sha256', key).update(signedText(checkpoint), 'utf8').digest('hex');
}

export function auditCheckpointPath(dir: string, subgraph: string): string {
  return path.join(dir, `${subgraph}.json`);
}

/**
 * The signing key: `configured` (AUDIT_CHECKPOINT_KEY) when given, else `<dir>/checkpoint.key`,
 * made (32 random bytes, hex, mode 0600) the first time.
 */
export function auditCheckpointKey(dir: string, configured?: Buffer): Buffer {
  if (configured) return configured;
  const file = path.join(dir, KEY_FILE);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new AuditCheckpointError(`${file} must hold 64 hexadecimal digits`);
  return Buffer.from(text, 'hex');
}

/** The subgraph's checkpoint, its signature checked; undefined when none was recorded. */
export function readAuditCheckpoint(dir: string, subgraph: string, key: Buffer): AuditCheckpoint | undefined {
  const file = auditCheckpointPath(dir, subgraph);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let stored: StoredCheckpoint;
  try {
    stored = JSON.parse(text) as StoredCheckpoint;
  } catch {
    throw new AuditCheckpointError(`${file} is not JSON`);
  }
  const valid =
    stored !== null &&
    typeof stored === 'object' &&
    stored.subgraph === subgraph &&
    Number.isSafeInteger(stored.entries) &&
    stored.entries >= 0 &&
    (stored.lastId === null || (typeof stored.lastId === 'string' && /^\d+$/.test(stored.lastId))) &&
    typeof stored.lastHash === 'string' &&
    typeof stored.recordedAt === 'string' &&
    typeof stored.signature === 'string';
  if (!valid) throw new AuditCheckpointError(`${file} is not a checkpoint of ${subgraph}`);
  const checkpoint: AuditCheckpoint = {
    subgraph: stored.subgraph,
    entries: stored.entries,
    lastId: stored.lastId,
    lastHash: stored.lastHash,
    recordedAt: stored.recordedAt,
  };
  const expected = Buffer.from(signAuditCheckpoint(checkpoint, key), 'hex');
  const actual = Buffer.from(stored.signature, 'hex');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new AuditCheckpointError(`${file}: the signature does not match (changed, or signed with another key)`);
  }
  return checkpoint;
}

/** Records the chain's end as found intact, replacing the previous checkpoint (written whole, then renamed). */
export function writeAuditCheckpoint(dir: string, checkpoint: AuditCheckpoint, key: Buffer): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = auditCheckpointPath(dir, checkpoint.subgraph);
  const stored: StoredCheckpoint = { ...checkpoint, signature: signAuditCheckpoint(checkpoint, key) };
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}
