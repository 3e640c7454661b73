import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '@cswb/contract/config';

/** sha256 (hex) of a document's exact text: the hash a client sends instead of the document. */
export function documentHash(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

/** The manifest for every `*.graphql` file in `dir`: hash → document, sorted by file name. */
export function persistedDocumentsFrom(dir: string): Record<string, string> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
  return Object.fromEntries(
    files.map((file) => {
      const document = fs.readFileSync(path.join(dir, file), 'utf8');
      return [documentHash(document), document];
    }),
  );
}

export function persistedDocumentsJson(dir: string): string {
  return `${JSON.stringify(persistedDocumentsFrom(dir), null, 2)}\n`;
}

/** Reads a manifest; a missing or malformed file fails at start-up, naming the file. */
export function readPersistedDocuments(file: string): Map<string, string> {
  return asConfigError('PERSISTED_DOCUMENTS_PATH', () => new Map(Object.entries(readManifest(file))));
}

/** A manifest's JSON object of hash → document, as the hub's own and GraphQL Code Generator's client preset write it. */
export function readManifest(file: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (parsed == null || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new Error(`${file} must be a JSON object of hash → document`);
  }
  return parsed as Record<string, string>;
}

/** A problem reading what `variable` names, reported as that setting's (the gateway does not start). */
function asConfigError<T>(variable: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new ConfigError(variable, (error as Error).message);
  }
}

const SHA256_ID = /^(?:sha256:)?([0-9a-f]{64})$/;

/**
 * Why a manifest entry's hash cannot be its document's id, or undefined when it can: the
 * sha256 of the document's exact text in lowercase hex, with or without the `sha256:` prefix of
 * GraphQL-over-HTTP's document identifiers (which GraphQL Code Generator's client preset writes).
 */
export function manifestEntryProblem(hash: string, document: string): string | undefined {
  const hex = SHA256_ID.exec(hash)?.[1];
  if (hex === undefined) {
    return 'is not a sha256 document id ("sha256:" and 64 lowercase hex digits); in codegen.ts, set persistedDocuments: { hashAlgorithm: \'sha256\' }';
  }
  const actual = documentHash(document);
  return hex === actual ? undefined : `does not match its document, whose sha256 is sha256:${actual}`;
}

/** The id the gateway looks a document up by: the hash without its `sha256:` prefix. */
export function documentIdOf(hash: string): string {
  return hash.replace(/^sha256:/, '');
}

/**
 * Every registered manifest in `dir` (`*.json`, by file name), each entry by its id; a missing
 * directory registers nothing. An entry whose hash is not its document's fails at start-up,
 * naming the file and the entry.
 */
export function readRegisteredDocuments(dir: string): Map<string, string> {
  return asConfigError('PERSISTED_DOCUMENTS_DIR', () => {
    if (!fs.existsSync(dir)) return new Map<string, string>();
    if (!fs.statSync(dir).isDirectory()) throw new Error(`${dir} is not a directory`);
    const documents = new Map<string, string>();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      for (const [hash, document] of Object.entries(readManifest(path.join(dir, file)))) {
        const problem = manifestEntryProblem(hash, document);
        if (problem) throw new Error(`${path.join(dir, file)}: entry "${hash}" ${problem}`);
        documents.set(documentIdOf(hash), document);
      }
    }
    return documents;
  });
}
