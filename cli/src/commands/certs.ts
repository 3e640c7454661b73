import * as fs from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { ConfigError, readTrustConfig } from '@cswb/contract/config';
import { ensureDeploymentCertificates, issueMemberCertificate, signMemberRequest, certificatePaths } from '@cswb/contract/trust';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { PROJECT_ROOT } from '../projectRoot';

export interface CertsArgs {
  dir?: string;
  hosts?: string;
  renew?: string;
  sign?: string;
  member?: string;
}

function describe(dir: string, name: string): string {
  const certificate = new X509Certificate(fs.readFileSync(certificatePaths(dir, name).certificate));
  return `${name.padEnd(16)} valid until ${new Date(certificate.validTo).toISOString().slice(0, 10)}  ${certificate.subjectAltName ?? ''}`;
}

export async function certs(args: CertsArgs): Promise<number> {
  const fail = (message: string, code = 2) => {
    process.stderr.write(`cswb certs: ${message}\n`);
    return code;
  };
  let config;
  try {
    config = readTrustConfig({ ...process.env, ...(args.dir ? { HUB_CERTS_DIR: args.dir } : {}), ...(args.hosts !== undefined ? { HUB_CERT_HOSTS: args.hosts } : {}) }, PROJECT_ROOT);
  } catch (error) {
    return fail(error instanceof ConfigError ? error.message : (error as Error).message);
  }
  const members = ['gateway', ...discoverSubgraphs().map((s) => s.definition.name)];
  if (args.sign !== undefined || args.member !== undefined) {
    if (!args.sign || !args.member) return fail('--sign and --member go together');
    if (!members.includes(args.member)) return fail(`--member must be one of ${members.join(', ')}, got "${args.member}"`);
    if (!fs.existsSync(args.sign)) return fail(`${args.sign} does not exist`);
    if (!fs.existsSync(certificatePaths(config.certsDir, 'ca').certificate)) return fail(`no CA in ${config.certsDir}: run "cswb certs" first`, 1);
    try {
      process.stdout.write(await signMemberRequest(config.certsDir, args.member, fs.readFileSync(args.sign, 'utf8'), config.certificateHosts));
      process.stderr.write(`Issued ${certificatePaths(config.certsDir, args.member).certificate}\n`);
      return 0;
    } catch (error) {
      return fail((error as Error).message, 1);
    }
  }
  try {
    await ensureDeploymentCertificates(config.certsDir, members.slice(1), config.certificateHosts);
    if (args.renew !== undefined) {
      if (!members.includes(args.renew)) return fail(`--renew must be one of ${members.join(', ')}, got "${args.renew}"`);
      await issueMemberCertificate(config.certsDir, args.renew, { hosts: config.certificateHosts });
      process.stdout.write(`Renewed ${args.renew}: restart it (and, for the gateway, nothing else) to use the new certificate\n`);
    }
  } catch (error) {
    return fail((error as Error).message, 1);
  }
  process.stdout.write(`Deployment CA and certificates in ${config.certsDir}:\n`);
  for (const name of members) process.stdout.write(`  ${describe(config.certsDir, name)}\n`);
  return 0;
}
