import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { webcrypto, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { ConfigError } from '../config/ConfigError';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(webcrypto as never);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const CA_YEARS = 10;
const MEMBER_DAYS = 397;
/** The member name of the hub's gateway: the only client a subgraph answers. */
export const GATEWAY_MEMBER = 'gateway';
const MEMBER_NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** One member's TLS identity: PEM certificate and PKCS#8 private key. */
export interface MemberCredentials {
  name: string;
  certificatePem: string;
  keyPem: string;
}

/** Where a deployment keeps its certificate authority and its members' certificates. */
export interface DeploymentCertificates {
  dir: string;
  caPem: string;
  member(name: string): MemberCredentials;
}

export function certificatePaths(dir: string, name: string): { certificate: string; key: string } {
  return { certificate: path.join(dir, `${name}.crt`), key: path.join(dir, `${name}.key`) };
}

function assertMemberName(name: string): void {
  if (!MEMBER_NAME.test(name)) throw new Error(`certificate member "${name}" must be lower-case letters, digits and dashes`);
}

function pemOf(label: string, der: ArrayBuffer): string {
  const base64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}

function writeSecret(file: string, content: string): void {
  fs.writeFileSync(file, content, { mode: 0o600 });
}

async function importPrivateKey(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, true, ['sign']) as Promise<CryptoKey>;
}

async function createAuthority(dir: string): Promise<void> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore.getTime() + CA_YEARS * 365 * 86_400_000);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=cswb-hub deployment CA, O=cswb-hub',
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const paths = certificatePaths(dir, 'ca');
  writeSecret(paths.key, pemOf('PRIVATE KEY', (await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)) as ArrayBuffer));
  fs.writeFileSync(paths.certificate, certificate.toString('pem') + '\n');
}

export interface IssueOptions {
  /** Extra host names the member is reached by (e.g. its docker-compose service name). */
  hosts?: readonly string[];
  /** A public key from the member's own certificate signing request, so its private key never leaves it. */
  publicKey?: CryptoKey | x509.PublicKey;
}

/**
 * Issues `<name>.crt` (and `<name>.key` when no public key is given) from the deployment CA in
 * `dir`: CN = the member's name, usable as TLS server and client, valid for localhost, the
 * member's name and `hosts`.
 */
export async function issueMemberCertificate(dir: string, name: string, options: IssueOptions = {}): Promise<string> {
  assertMemberName(name);
  const caPaths = certificatePaths(dir, 'ca');
  const ca = new x509.X509Certificate(fs.readFileSync(caPaths.certificate, 'utf8'));
  const caKey = await importPrivateKey(fs.readFileSync(caPaths.key, 'utf8'));
  let publicKey = options.publicKey;
  let privateKeyPem: string | undefined;
  if (!publicKey) {
    const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
    publicKey = keys.publicKey;
    privateKeyPem = pemOf('PRIVATE KEY', (await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)) as ArrayBuffer);
  }
  const hosts = [...new Set(['localhost', name, ...(options.hosts ?? [])])];
  const notBefore = new Date(Date.now() - 60_000);
  const certificate = await x509.X509CertificateGenerator.create({
    subject: `CN=${name}, O=cswb-hub`,
    issuer: ca.subject,
    notBefore,
    notAfter: new Date(notBefore.getTime() + MEMBER_DAYS * 86_400_000),
    publicKey,
    signingKey: caKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...hosts.map((value) => ({ type: 'dns' as const, value })),
        { type: 'ip' as const, value: '127.0.0.1' },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  });
  const paths = certificatePaths(dir, name);
  if (privateKeyPem) writeSecret(paths.key, privateKeyPem);
  const pem = certificate.toString('pem') + '\n';
  fs.writeFileSync(paths.certificate, pem);
  return pem;
}

/** Issues a certificate for a member's own certificate signing request (PEM): its key stays with the member. */
export async function signMemberRequest(dir: string, name: string, requestPem: string, hosts: readonly string[] = []): Promise<string> {
  let request: x509.Pkcs10CertificateRequest;
  try {
    request = new x509.Pkcs10CertificateRequest(requestPem);
  } catch {
    throw new Error('the certificate signing request is not a PEM PKCS#10 request');
  }
  if (!(await request.verify())) throw new Error('the certificate signing request is not signed by its own key');
  return issueMemberCertificate(dir, name, { hosts, publicKey: request.publicKey });
}

/** True when the member's certificate exists, chains to the CA and is valid for at least `days` more days. */
function isCurrent(dir: string, name: string, days = 30): boolean {
  const paths = certificatePaths(dir, name);
  if (!fs.existsSync(paths.certificate) || !fs.existsSync(paths.key)) return false;
  try {
    const certificate = new X509Certificate(fs.readFileSync(paths.certificate));
    const ca = new X509Certificate(fs.readFileSync(certificatePaths(dir, 'ca').certificate));
    return certificate.verify(ca.publicKey) && new Date(certificate.validTo).getTime() > Date.now() + days * 86_400_000;
  } catch {
    return false;
  }
}

/**
 * The deployment's certificate authority and one certificate per member (the gateway and every
 * subgraph) under `dir`, made on first use and reissued when missing or within 30 days of
 * expiry. Development and single-host deployments only: in production each agency sends a
 * certificate signing request and keeps its key (docs/security.md).
 */
export async function ensureDeploymentCertificates(dir: string, members: readonly string[], hosts: readonly string[] = []): Promise<DeploymentCertificates> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(certificatePaths(dir, 'ca').certificate)) await createAuthority(dir);
  for (const name of [GATEWAY_MEMBER, ...members]) {
    if (!isCurrent(dir, name)) await issueMemberCertificate(dir, name, { hosts });
  }
  return readDeploymentCertificates(dir);
}

/** Reads certificates issued earlier; a member's files are read when it is asked for. */
export function readDeploymentCertificates(dir: string): DeploymentCertificates {
  const caFile = certificatePaths(dir, 'ca').certificate;
  if (!fs.existsSync(caFile)) throw new ConfigError('HUB_CERTS_DIR', `${caFile} does not exist: run "npm run cswb -- certs" or start the hub once`);
  const caPem = fs.readFileSync(caFile, 'utf8');
  const cache = new Map<string, MemberCredentials>();
  return {
    dir,
    caPem,
    member(name) {
      let credentials = cache.get(name);
      if (!credentials) {
        assertMemberName(name);
        const paths = certificatePaths(dir, name);
        if (!fs.existsSync(paths.certificate) || !fs.existsSync(paths.key)) {
          throw new ConfigError('HUB_CERTS_DIR', `${paths.certificate} or its key does not exist: issue it with "npm run cswb -- certs"`);
        }
        credentials = { name, certificatePem: fs.readFileSync(paths.certificate, 'utf8'), keyPem: fs.readFileSync(paths.key, 'utf8') };
        cache.set(name, credentials);
      }
      return credentials;
    },
  };
}
