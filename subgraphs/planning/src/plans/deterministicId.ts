import { createHash } from 'node:crypto';

/** The namespace of the hub's name-based ids (a random UUID, fixed once). */
const NAMESPACE = '6b1f3c2e-9a41-4d7e-b0c5-3f2d8e7a9c10';

/** A name-based UUID (version 5, RFC 4122): the same name always gives the same id. */
export function deterministicId(name: string): string {
  const hash = createHash('sha1').update(Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
