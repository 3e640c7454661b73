import { randomUUID } from 'node:crypto';
import type * as https from 'node:https';
import { ANONYMOUS, Caller, createTokenVerifier, readAuthConfig } from '@cswb/contract/auth';
import { SubgraphTlsMode } from '@cswb/contract/config';
import { ASSERTION_HEADER, CONFIRM_PATH, createAssertionSigner, createConfirmationSigner, createGatewayAgent, DeploymentCertificates, GATEWAY_MEMBER, postJson, readDeploymentCertificates } from '@cswb/contract/trust';
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
let signConfirmation: ReturnType<typeof createConfirmationSigner> | undefined;
const verifyToken = createTokenVerifier(readAuthConfig({ JWT_DEV_SECRET: TEST_JWT_SECRET }));

export function gatewayAgent(): https.Agent {
  return (agent ??= createGatewayAgent(testCertificates()));
}

export function gatewaySigner(): ReturnType<typeof createAssertionSigner> {
  return (sign ??= createAssertionSigner(testCertificates().member(GATEWAY_MEMBER), 30));
}

export function gatewayConfirmationSigner(): ReturnType<typeof createConfirmationSigner> {
  return (signConfirmation ??= createConfirmationSigner(testCertificates().member(GATEWAY_MEMBER), 30));
}

/** The caller of an `authorization` header, verified as the gateway does; anonymous without one. */
export async function callerOfHeaders(headers: Record<string, string>): Promise<Caller> {
  return headers.authorization ? verifyToken(headers.authorization) : ANONYMOUS;
}

/**
 * Asks a subgraph, as the hub's gateway's answer cache would, to confirm the answers to
 * `questions` (as it named them, `cswb-answer-kept`) for the caller of `headers`: its client
 * certificate, and one confirmation assertion for this body.
 */
export async function confirmAsGateway(
  target: SubgraphTarget,
  questions: string[],
  headers: Record<string, string> = {},
  options: { requestId?: string; operationName?: string } = {},
): Promise<{ status: number; body: string }> {
  const body = JSON.stringify({ questions });
  const assertion = gatewayConfirmationSigner()({ [target.name]: body }, { caller: await callerOfHeaders(headers), requestId: options.requestId ?? randomUUID(), operationName: options.operationName });
  const url = new URL(CONFIRM_PATH, target.url).toString();
  return postJson(url, body, { agent: url.startsWith('https:') ? gatewayAgent() : undefined, headers: { [ASSERTION_HEADER]: assertion } });
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
  const { authorization: _authorization, ...rest } = headers;
  const caller = await callerOfHeaders(headers);
  const assertion = await gatewaySigner()(target.name, { caller, requestId: options.requestId ?? randomUUID(), operationName: options.operationName }, body);
  return postJson(target.url, body, {
    agent: target.url.startsWith('https:') ? gatewayAgent() : undefined,
    headers: { ...rest, [ASSERTION_HEADER]: assertion },
  });
}
