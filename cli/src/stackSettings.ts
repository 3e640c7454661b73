import { readAuthConfig, type AuthConfig } from '@cswb/contract/auth';
import { readGatewayConfig, readTrustConfig, type Env, type GatewayConfig, type TrustConfig } from '@cswb/contract/config';
import { ensureDeploymentCertificates, type DeploymentCertificates } from '@cswb/contract/trust';
import { discoverSubgraphs } from './discoverSubgraphs';
import { withDevelopmentTokenSecret } from './developmentTokenSecret';
import { PROJECT_ROOT } from './projectRoot';
import { SUPERGRAPH_FILE } from './supergraphFile';

export interface StackSettings {
  /** The environment with the development token secret in it, when one is used. */
  env: Env;
  gatewayConfig: GatewayConfig;
  auth: AuthConfig;
  trust: TrustConfig;
  certificates: DeploymentCertificates;
}

/**
 * What a hub started from this checkout needs before anything listens, in either layout: every
 * setting read (failing fast on a bad one), the development token secret, and the deployment CA
 * with a certificate per member, made on first start (docs/security.md).
 */
export async function readStackSettings(env: Env, log: (line: string) => void): Promise<StackSettings> {
  const withSecret = withDevelopmentTokenSecret(env, log);
  const names = discoverSubgraphs().map((s) => s.definition.name);
  const gatewayConfig = readGatewayConfig(withSecret, names, SUPERGRAPH_FILE);
  const auth = readAuthConfig(withSecret);
  const trust = readTrustConfig(withSecret, PROJECT_ROOT);
  const certificates = await ensureDeploymentCertificates(trust.certsDir, names, trust.certificateHosts);
  return { env: withSecret, gatewayConfig, auth, trust, certificates };
}
