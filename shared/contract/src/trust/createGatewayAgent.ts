import * as https from 'node:https';
import { GATEWAY_MEMBER, type DeploymentCertificates } from './deploymentCertificates';

/**
 * The gateway's one HTTPS agent for every subgraph: its client certificate, the deployment CA
 * as the only trusted root, and kept-alive connections (a new agent per call would handshake
 * every time: about 5× less throughput).
 */
export function createGatewayAgent(certificates: DeploymentCertificates): https.Agent {
  const gateway = certificates.member(GATEWAY_MEMBER);
  return new https.Agent({
    ca: [certificates.caPem],
    cert: gateway.certificatePem,
    key: gateway.keyPem,
    keepAlive: true,
    maxSockets: 64,
  });
}
