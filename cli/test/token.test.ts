import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTokenVerifier, readAuthConfig } from '@cswb/contract/auth';
import { PROJECT_ROOT } from '@cswb/cli';
import { CLI_MAIN } from '@cswb/testing/cli';

const SECRET = 'token-command-test-secret-0123456789abcdef';

function token(...args: string[]) {
  return spawnSync(process.execPath, [CLI_MAIN, 'token', ...args], { env: { ...process.env, JWT_DEV_SECRET: SECRET }, encoding: 'utf8' });
}

describe('cswb token', () => {
  it('issues nothing where tokens come from an identity provider (a public key file, no development secret)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-token-'));
    const keyFile = path.join(dir, 'idp.pem');
    fs.writeFileSync(keyFile, generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, JWT_PUBLIC_KEY_FILE: keyFile };
      delete env.JWT_DEV_SECRET;
      const result = spawnSync(process.execPath, [CLI_MAIN, 'token', '--role', 'situation-table'], { env, encoding: 'utf8' });
      expect([result.status, result.stdout]).toEqual([2, '']);
      expect(result.stderr).toBe('cswb token: tokens are only issued here in development; in production they come from your identity provider\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('issues a development token the hub accepts, with the role’s scopes and purpose', async () => {
    const result = token('--role', 'sector-analyst', '--sector', 'police', '--ttl', '120');
    expect(result.status).toBe(0);
    const caller = await createTokenVerifier(readAuthConfig({ JWT_DEV_SECRET: SECRET }))(`Bearer ${result.stdout.trim()}`);
    expect(caller).toEqual({
      anonymous: false,
      subject: 'dev-sector-analyst',
      agency: 'lakeshore-police',
      sector: 'police',
      scopes: ['aggregates:read', 'records:read:police'],
      purpose: 'evaluation',
    });
  });

  it('npm run token prints the token alone (the README pipes it into a header): nothing of the build before it', () => {
    const result = spawnSync('npm', ['run', '--silent', 'token', '--', '--role', 'planner'], { cwd: PROJECT_ROOT, env: { ...process.env, JWT_DEV_SECRET: SECRET }, encoding: 'utf8', timeout: 120_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  }, 150_000);

  it.each([
    [['--role', 'mayor'], '--role must be one of public, planner, sector-analyst, situation-table, auditor, data-steward, got "mayor"'],
    [['--role', 'sector-analyst'], '--role sector-analyst needs --sector (e.g. police)'],
    [['--role', 'planner', '--purpose', 'curiosity'], '--purpose must be one of planning, risk-intervention, evaluation, public-reporting, got "curiosity"'],
    [['--role', 'planner', '--ttl', '0'], '--ttl must be whole seconds from 1 to 86400, got "0"'],
  ])('rejects %p with exit 2 and a clear message', (args, message) => {
    const result = token(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});
