import * as http from 'node:http';
import type { Caller } from '@cswb/contract/auth';
import type { SubgraphTlsMode } from '@cswb/contract/config';
import type { AssertionSigner } from '@cswb/contract/trust';
import { PROJECT_ROOT } from '../../projectRoot';

/**
 * The gateway's side of the trust boundary (docs/security.md) for the bench's own callers of the
 * subgraphs: the bare runtime, `@apollo/gateway`, the recording proxies and the direct floor. The
 * same parts the production gateway is given by `gatewayTrust` (gateway/src/startGateway.ts): the
 * deployment's gateway certificate on one kept-alive HTTPS agent (mutual TLS, unless
 * `SUBGRAPH_TLS=off`) and an ES256 assertion per subgraph fetch from `createAssertionSigner`,
 * naming the caller of the client's bearer token as `createTokenVerifier` verifies it.
 *
 * Only @cswb/contract is loaded, not the subgraph kit (about 70 MiB of database and schema code),
 * so that a bare gateway's memory stays its own.
 */
export interface BenchTrust {
  tls: SubgraphTlsMode;
  /** The gateway's client certificate for an `https:` subgraph URL; a kept-alive plain agent otherwise. */
  agentFor(url: string): http.Agent;
  sign: AssertionSigner;
  /** The caller of an `authorization` header, verified as the gateway does (anonymous without one). */
  callerOf(authorization: string | null | undefined): Promise<Caller>;
  /** The name of the assertion header. */
  header: string;
  close(): void;
}

/* eslint-disable @typescript-eslint/no-require-imports */
export function benchTrust(env: NodeJS.ProcessEnv): BenchTrust {
  const { readTrustConfig } = require('@cswb/contract/config') as typeof import('@cswb/contract/config');
  const { readAuthConfig, createTokenVerifier } = require('@cswb/contract/auth') as typeof import('@cswb/contract/auth');
  const { createAssertionSigner, createGatewayAgent, readDeploymentCertificates, GATEWAY_MEMBER, ASSERTION_HEADER } = require('@cswb/contract/trust') as typeof import('@cswb/contract/trust');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const trust = readTrustConfig(env, PROJECT_ROOT);
  const certificates = readDeploymentCertificates(trust.certsDir);
  const tlsAgent = trust.subgraphTls === 'mutual' ? createGatewayAgent(certificates) : undefined;
  const plainAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const verifyToken = createTokenVerifier(readAuthConfig(env));
  return {
    tls: trust.subgraphTls,
    agentFor: (url) => {
      if (!url.startsWith('https:')) return plainAgent;
      if (!tlsAgent) throw new Error(`${url}: an HTTPS subgraph with SUBGRAPH_TLS=off (no client certificate to present)`);
      return tlsAgent;
    },
    sign: createAssertionSigner(certificates.member(GATEWAY_MEMBER), trust.assertionTtlSeconds),
    callerOf: (authorization) => verifyToken(authorization),
    header: ASSERTION_HEADER,
    close: () => {
      tlsAgent?.destroy();
      plainAgent.destroy();
    },
  };
}
