import { randomUUID } from 'node:crypto';
import type * as https from 'node:https';
import { ANONYMOUS, Caller, createTokenVerifier, readAuthConfig } from '@cswb/contract/auth';
import { SubgraphTlsMode } from '@cswb/contract/config';
import { ASSERTION_HEADER, createAssertionSigner, createGatewayAgent, DeploymentCertificates, GATEWAY_MEMBER, postJson, readDeploymentCertificates } from '@cswb/contract/trust';
import { TEST_JWT_SECRET } from './tokens';

/** The test run's deployment certificates (made once by globalSetup). */
export function testCertificates(): DeploymentCertificates {
  const dir = process.env.CSWB_TEST_CERTS_DIR;
  if (!dir) throw new Error('CSWB_TEST_CERTS_DIR is not set: run the tests with "npm test"');
  return readDeploymentCertificates(dir);
}

/** What `serveSubgraph` needs to admit only the test run's gateway. */
export function testTrust(tls: SubgraphTlsMode = 'mutual') {
  return { certificates: testCertificates(), tls, assertionTtlSeconds: 30 };
}

/** A subgraph a test calls the way the gateway does. */
export interface SubgraphTarget {
  name: string;
  url: string;
}

let agent: https.Agent | undefined;
let sign: ReturnType<typeof createAssertionSigner> | undefined;
const verifyToken = createTokenVerifier(readAuthConfig({ JWT_DEV_SECRET: TEST_JWT_SECRET }));

export function gatewayAgent(): https.Agent {
  return (agent ??= createGatewayAgent(testCertificates()));
}

export function gatewaySigner(): ReturnType<typeof createAssertionSigner> {
  return (sign ??= createAssertionSigner(testCertificates().member(GATEWAY_MEMBER), 30));
}

/**
 * Sends a GraphQL request to a subgraph as the hub's gateway would: its client certificate, and
 * an assertion for the caller of the `authorization` header (verified as the gateway does).
 */
export async function postAsGateway(
  target: SubgraphTarget,
  body: string,
  headers: Record<string, string> = {},
  options: { requestId?: string; operationName?: string } = {},
): Promise<{ status: number; body: string }> {
  const { authorization, ...rest } = headers;
  const caller: Caller = authorization ? await verifyToken(authorization) : ANONYMOUS;
  const assertion = await gatewaySigner()(target.name, { caller, requestId: options.requestId ?? randomUUID(), operationName: options.operationName }, body);
  return postJson(target.url, body, {
    agent: target.url.startsWith('https:') ? gatewayAgent() : undefined,
    headers: { ...rest, [ASSERTION_HEADER]: assertion },
  });
}
