import type * as http from 'node:http';
import type * as https from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { SubgraphTlsMode } from '../config/config';
import { UntrustedClientError } from '../errors/UntrustedClientError';
import { createAssertionVerifier } from './createAssertionVerifier';
import { GATEWAY_MEMBER, type DeploymentCertificates } from './deploymentCertificates';
import { ASSERTION_HEADER, AssertedRequest, certificateThumbprint, type AssertionKind } from './SubgraphAssertion';

export interface SubgraphTrustOptions {
  /** The subgraph's member name (its certificate's CN and the assertions' audience). */
  name: string;
  certificates: DeploymentCertificates;
  tls: SubgraphTlsMode;
  assertionTtlSeconds: number;
}

export interface SubgraphTrust {
  /** HTTPS server options (mutual TLS), or none when TLS is terminated in front of the subgraph. */
  serverOptions?: https.ServerOptions;
  /** Admits a request only from the gateway: its client certificate, then its assertion of this `kind` for this body. */
  admit(request: http.IncomingMessage, body: Buffer, kind?: AssertionKind): Promise<AssertedRequest>;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

/**
 * What a subgraph asks of every GraphQL request before it parses it: over mutual TLS, a client
 * certificate from the deployment CA naming the gateway; always, the gateway's assertion
 * addressed to this subgraph, for this exact body, not seen before, bound to that certificate.
 */
export function createSubgraphTrust(options: SubgraphTrustOptions): SubgraphTrust {
  const own = options.certificates.member(options.name);
  const verifier = createAssertionVerifier({
    audience: options.name,
    gatewayCertificatePem: options.certificates.member(GATEWAY_MEMBER).certificatePem,
    caPem: options.certificates.caPem,
    ttlSeconds: options.assertionTtlSeconds,
  });
  const mutual = options.tls === 'mutual';
  // The gateway's certificate checked once per TLS 1.3 connection (no renegotiation there, so it
  // cannot change): kept-alive connections carry many requests. Refusals are not kept.
  const gatewayConnections = new WeakMap<TLSSocket, string>();
  return {
    serverOptions: mutual
      ? {
          key: own.keyPem,
          cert: own.certificatePem,
          ca: [options.certificates.caPem],
          requestCert: true,
          // Checked per request below, so that a refused caller gets a clear 401/403 rather than a reset.
          rejectUnauthorized: false,
        }
      : undefined,
    async admit(request, body, kind = 'fetch') {
      let thumbprint: string | null = null;
      if (mutual) {
        const socket = request.socket as TLSSocket;
        const known = gatewayConnections.get(socket);
        if (known !== undefined) return verifier.verifyRequest(headerValue(request.headers[ASSERTION_HEADER]), body, known, kind);
        const peer = socket.getPeerCertificate?.();
        if (!peer || !peer.raw) throw new UntrustedClientError('no client certificate was presented');
        if (!socket.authorized) throw new UntrustedClientError('the client certificate was not issued by this deployment');
        if (peer.subject?.CN !== GATEWAY_MEMBER) throw new UntrustedClientError(`the client certificate names "${String(peer.subject?.CN)}", not the gateway`);
        thumbprint = certificateThumbprint(peer.raw);
        if (socket.getProtocol?.() === 'TLSv1.3') gatewayConnections.set(socket, thumbprint);
      }
      return verifier.verifyRequest(headerValue(request.headers[ASSERTION_HEADER]), body, thumbprint, kind);
    },
  };
}
