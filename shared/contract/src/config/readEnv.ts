import { ConfigError } from './ConfigError';

export type Env = Record<string, string | undefined>;

function present(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function readString(env: Env, name: string, fallback: string): string;
export function readString(env: Env, name: string): string | undefined;
export function readString(env: Env, name: string, fallback?: string): string | undefined {
  return present(env, name) ?? fallback;
}

export function readPort(env: Env, name: string, fallback: number): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(name, `must be a port number from 0 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

export function readPositiveInt(env: Env, name: string, fallback: number): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new ConfigError(name, `must be a positive whole number, got "${raw}"`);
  }
  return Number(raw);
}

export function readNonNegativeInt(env: Env, name: string, fallback: number): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) {
    throw new ConfigError(name, `must be a whole number (0 to turn it off), got "${raw}"`);
  }
  return Number(raw);
}

/** A number from 0 to 1, e.g. a sampling ratio. */
export function readRatio(env: Env, name: string, fallback: number): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d*\.?\d+$/.test(raw) || value > 1) {
    throw new ConfigError(name, `must be a number from 0 to 1, got "${raw}"`);
  }
  return value;
}

/** `true` or `false`, in any case. */
export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  const lower = raw.toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw new ConfigError(name, `must be true or false, got "${raw}"`);
  return lower === 'true';
}

export function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** A URL of one of the given protocols; `kind` names it in errors ("a postgres:// URL"). */
function readUrl(env: Env, name: string, protocols: readonly string[], kind: string): URL | undefined {
  const raw = present(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be ${kind}, got "${raw}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must be ${kind}, got protocol "${url.protocol}"`);
  }
  return url;
}

export function readPostgresUrl(env: Env, name: string): URL | undefined {
  return readUrl(env, name, ['postgres:', 'postgresql:'], 'a postgres:// URL');
}

export function readHttpUrl(env: Env, name: string): URL | undefined {
  return readUrl(env, name, ['http:', 'https:'], 'an http(s):// URL');
}

export function readRedisUrl(env: Env, name: string): URL | undefined {
  return readUrl(env, name, ['redis:', 'rediss:'], 'a redis:// URL');
}
