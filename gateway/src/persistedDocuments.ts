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
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('PERSISTED_DOCUMENTS_PATH', `cannot read ${file}: ${(error as Error).message}`);
  }
  if (parsed == null || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new ConfigError('PERSISTED_DOCUMENTS_PATH', `${file} must be a JSON object of hash → document`);
  }
  return new Map(Object.entries(parsed as Record<string, string>));
}
