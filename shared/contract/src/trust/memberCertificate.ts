import { X509Certificate } from 'node:crypto';

/** The member a certificate names (its CN), or null when it names none. */
export function memberNameOf(certificate: X509Certificate): string | null {
  const match = /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject);
  return match ? match[1].trim() : null;
}

/** True when the deployment CA issued the certificate and it is valid now. */
export function issuedByDeployment(certificate: X509Certificate, ca: X509Certificate, now = Date.now()): boolean {
  try {
    return (
      certificate.checkIssued(ca) &&
      certificate.verify(ca.publicKey) &&
      new Date(certificate.validFrom).getTime() <= now &&
      new Date(certificate.validTo).getTime() > now
    );
  } catch {
    return false;
  }
}
