import * as https from 'node:https';
import * as tls from 'node:tls';
import { GATEWAY_MEMBER, type DeploymentCertificates } from './deploymentCertificates';

/**
 * The gateway's one HTTPS agent for every subgraph: its client certificate, the deployment CA
 * as the only trusted root, and kept-alive connections (a new agent per call would handshake
 * every time: about 5× less throughput). The certificate, key and CA go in as one secure context
 * rather than as `ca`/`cert`/`key` options: Node names an agent's connection pools by their
 * options, PEM text included (1.6 KB), and looks that name up several times per request.
 */
export function createGatewayAgent(certificates: DeploymentCertificates): https.Agent {
  const gateway = certificates.member(GATEWAY_MEMBER);
  return new https.Agent({
    secureContext: tls.createSecureContext({ ca: [certificates.caPem], cert: gateway.certificatePem, key: gateway.keyPem }),
    keepAlive: true,
    maxSockets: 64,
  });
}
