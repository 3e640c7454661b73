import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { createGatewayAgent, ensureDeploymentCertificates, GATEWAY_MEMBER, postJson, type DeploymentCertificates } from '@cswb/contract/trust';
import { testCertificates } from '@cswb/testing/trust';

/** A subgraph's TLS port with `certificates`' member `police`, asking for a client certificate; answers with the one it was shown. */
async function listenAsPolice(certificates: DeploymentCertificates): Promise<{ url: string; close(): Promise<void> }> {
  const police = certificates.member('police');
  const server = https.createServer({ ca: [certificates.caPem], cert: police.certificatePem, key: police.keyPem, requestCert: true, rejectUnauthorized: true }, (request, response) => {
    request.resume();
    const subject = (request.socket as TLSSocket).getPeerCertificate().subject?.CN;
    request.on('end', () => response.end(JSON.stringify({ client: subject })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://localhost:${(server.address() as AddressInfo).port}/answers/confirm`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("the gateway's HTTPS agent", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cswb-impostor-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("presents the gateway's certificate to a member, on kept-alive connections, and refuses a subgraph whose certificate another CA signed", async () => {
    const deployment = testCertificates();
    const impostorCa = await ensureDeploymentCertificates(dir, [GATEWAY_MEMBER, 'police']);
    const agent = createGatewayAgent(deployment);
    const police = await listenAsPolice(deployment);
    const impostor = await listenAsPolice(impostorCa);
    try {
      const answers = await Promise.all(Array.from({ length: 3 }, () => postJson(police.url, '{}', { agent })));
      for (const answer of answers) expect(answer).toEqual({ status: 200, body: JSON.stringify({ client: GATEWAY_MEMBER }) });
      const again = await postJson(police.url, '{}', { agent });
      expect(again.status).toBe(200);
      // Kept alive: at most the three connections the first round opened.
      expect(Object.values(agent.sockets).flat().length + Object.values(agent.freeSockets).flat().length).toBeLessThanOrEqual(3);
      // Same host name, same port kind, another CA: nothing is sent.
      await expect(postJson(impostor.url, '{"secret":1}', { agent })).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
    } finally {
      agent.destroy();
      await police.close();
      await impostor.close();
    }
  });
});
