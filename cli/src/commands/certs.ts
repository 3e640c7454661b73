import * as fs from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { ConfigError, readTrustConfig } from '@cswb/contract/config';
import { ensureDeploymentCertificates, issueMemberCertificate, signMemberRequest, certificatePaths } from '@cswb/contract/trust';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { PROJECT_ROOT } from '../projectRoot';

export const CERTS_USAGE = `Usage: cswb certs [--dir <path>] [--hosts <a,b>]
       cswb certs --renew <member> [--dir <path>] [--hosts <a,b>]
       cswb certs --sign <request.pem> --member <name> [--dir <path>] [--hosts <a,b>]

The deployment's certificate authority and its members' certificates (the gateway and one per
subgraph), in HUB_CERTS_DIR (default <CSWB_DATA_DIR>/certs). Without options: make the CA if
there is none and (re)issue every member certificate that is missing or expires within 30 days.
  --renew <member>    Issue that member a new key and certificate now (rotation)
  --sign <file>       Issue a certificate for a member's own PKCS#10 request (its key never
                      leaves the agency); writes <dir>/<member>.crt and prints it
  --member <name>     The member (CN) the request is for: gateway or a subgraph name
  --hosts <a,b>       Extra DNS names the certificates are valid for (e.g. compose service names)
  --dir <path>        Where the CA and certificates are (overrides HUB_CERTS_DIR)
Exit codes: 0 done, 1 failed, 2 usage.
`;

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
