import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Env, readString } from '@cswb/contract/config';
import { PROJECT_ROOT } from './projectRoot';

/** Where `npm start` keeps the development signing secret that `npm run token` signs with. */
export function developmentSecretFile(env: Env): string {
  return path.resolve(PROJECT_ROOT, readString(env, 'CSWB_DATA_DIR', '.data'), 'dev-jwt-secret');
}

/**
 * When no way of verifying tokens is configured, `npm start` runs in development mode: an
 * HS256 secret is created once under the data folder and used by the gateway, the subgraphs
 * and the `token` command. Production sets JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE instead.
 */
export function withDevelopmentTokenSecret(env: Env, log: (line: string) => void): Env {
  if (env.JWT_JWKS_URL || env.JWT_PUBLIC_KEY_FILE || env.JWT_DEV_SECRET) return env;
  const file = developmentSecretFile(env);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  log(`Development token secret (HS256) in ${path.relative(PROJECT_ROOT, file)}: make tokens with "npm run token"`);
  return { ...env, JWT_DEV_SECRET: fs.readFileSync(file, 'utf8').trim() };
}
