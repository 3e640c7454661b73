import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { webcrypto, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as x509 from '@peculiar/x509';
import { discoverSubgraphs } from '@cswb/cli';
import { CLI_MAIN } from '@cswb/testing/cli';

function certs(...args: string[]) {
  return spawnSync(process.execPath, [CLI_MAIN, 'certs', ...args], { env: { ...process.env, HUB_CERTS_DIR: undefined }, encoding: 'utf8' });
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-certs-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = (name: string) => new X509Certificate(fs.readFileSync(path.join(dir, `${name}.crt`)));

describe('cswb certs', () => {
  it('makes a CA and a certificate per member that chains to it, with the names asked for', () => {
    const result = certs('--dir', dir, '--hosts', 'police.agency.example');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const ca = read('ca');
    for (const name of ['gateway', ...discoverSubgraphs().map((s) => s.definition.name)]) {
      const certificate = read(name);
      expect(certificate.verify(ca.publicKey)).toBe(true);
      expect(certificate.subject).toContain(`CN=${name}`);
      expect(certificate.subjectAltName).toContain(`DNS:${name}`);
      expect(certificate.subjectAltName).toContain('DNS:police.agency.example');
      expect(fs.statSync(path.join(dir, `${name}.key`)).mode & 0o077).toBe(0);
      expect(result.stdout).toContain(name);
    }
    // A second run keeps what is current.
    const before = read('police').fingerprint256;
    expect(certs('--dir', dir).status).toBe(0);
    expect(read('police').fingerprint256).toBe(before);
  });

  it('renews one member with a new key, leaving the others', () => {
    expect(certs('--dir', dir).status).toBe(0);
    const police = read('police');
    const health = read('health').fingerprint256;
    const result = certs('--dir', dir, '--renew', 'police');
    expect(result.status).toBe(0);
    expect(read('police').fingerprint256).not.toBe(police.fingerprint256);
    expect(read('police').publicKey.export({ format: 'der', type: 'spki' })).not.toEqual(police.publicKey.export({ format: 'der', type: 'spki' }));
    expect(read('health').fingerprint256).toBe(health);
  });

  it("signs an agency's own request, so its key never reaches the hub", async () => {
    expect(certs('--dir', dir).status).toBe(0);
    fs.rmSync(path.join(dir, 'housing.crt'));
    fs.rmSync(path.join(dir, 'housing.key'));
    x509.cryptoProvider.set(webcrypto as never);
    const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const request = await x509.Pkcs10CertificateRequestGenerator.create({ name: 'CN=housing', keys, signingAlgorithm: algorithm });
    const requestFile = path.join(dir, 'housing.csr');
    fs.writeFileSync(requestFile, request.toString('pem'));
    const result = certs('--dir', dir, '--sign', requestFile, '--member', 'housing');
    expect(result.status).toBe(0);
    const issued = new X509Certificate(result.stdout);
    expect(issued.verify(read('ca').publicKey)).toBe(true);
    expect(issued.subject).toContain('CN=housing');
    const spki = Buffer.from(await webcrypto.subtle.exportKey('spki', keys.publicKey));
    expect(issued.publicKey.export({ format: 'der', type: 'spki' })).toEqual(spki);
    expect(fs.existsSync(path.join(dir, 'housing.key'))).toBe(false);
  });

  it.each([
    [['--sign', 'x.csr'], 2, '--sign and --member go together'],
    [['--renew', 'mayor'], 2, '--renew must be one of gateway, '],
    [['--sign', 'missing.csr', '--member', 'police'], 2, 'missing.csr does not exist'],
  ])('refuses %p with exit %i and a clear message', (args, code, message) => {
    const result = certs('--dir', dir, ...args);
    expect(result.status).toBe(code);
    expect(result.stderr).toContain(message);
  });

  it('refuses a request that is not a PKCS#10 request, writing nothing', () => {
    expect(certs('--dir', dir).status).toBe(0);
    const before = read('police').fingerprint256;
    const garbage = path.join(dir, 'garbage.csr');
    fs.writeFileSync(garbage, '-----BEGIN CERTIFICATE REQUEST-----\nnot base64 at all\n-----END CERTIFICATE REQUEST-----\n');
    const result = certs('--dir', dir, '--sign', garbage, '--member', 'police');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('not a PEM PKCS#10 request');
    expect(read('police').fingerprint256).toBe(before);
  });
});
