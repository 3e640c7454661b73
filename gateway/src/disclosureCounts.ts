import { Kind, visit, type DocumentNode } from 'graphql';

/** Values of one answer marked by disclosure control (`perturbed: true`, `suppressed: true`). */
export interface DisclosureCounts {
  perturbed: number;
  withheld: number;
}

/**
 * An answer whose counts are already known (one served again from the answer cache, kept as
 * text): `useDisclosureMetrics` counts these instead of walking its data.
 */
export const KNOWN_DISCLOSURE_COUNTS = Symbol('cswb.disclosureCounts');

/** The response keys (aliases included) under which a document selects the disclosure-control markers. */
interface MarkerKeys {
  perturbed: ReadonlySet<string>;
  suppressed: ReadonlySet<string>;
}

const markersByDocument = new WeakMap<DocumentNode, MarkerKeys | null>();

function markerKeysOf(document: DocumentNode): MarkerKeys | null {
  let keys = markersByDocument.get(document);
  if (keys !== undefined) return keys;
  const perturbed = new Set<string>();
  const suppressed = new Set<string>();
  visit(document, {
    [Kind.FIELD](field) {
      if (field.name.value === 'perturbed') perturbed.add(field.alias?.value ?? 'perturbed');
      else if (field.name.value === 'suppressed') suppressed.add(field.alias?.value ?? 'suppressed');
    },
  });
  keys = perturbed.size + suppressed.size === 0 ? null : { perturbed, suppressed };
  markersByDocument.set(document, keys);
  return keys;
}

function countMarked(value: unknown, keys: MarkerKeys, counts: DisclosureCounts): void {
  if (Array.isArray(value)) {
    for (const item of value) countMarked(item, keys, counts);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (child === true) {
      if (keys.perturbed.has(key)) counts.perturbed += 1;
      else if (keys.suppressed.has(key)) counts.withheld += 1;
    } else if (child !== null && typeof child === 'object') countMarked(child, keys, counts);
  }
}

/** Whether a document selects any marker at all: only then is an answer to it walked. */
export function selectsDisclosureMarkers(document: DocumentNode): boolean {
  return markerKeysOf(document) !== null;
}

/** The marked values in `data`, an answer to `document`. */
export function disclosureCountsOf(document: DocumentNode, data: unknown): DisclosureCounts {
  const counts = { perturbed: 0, withheld: 0 };
  const keys = markerKeysOf(document);
  if (keys) countMarked(data, keys, counts);
  return counts;
}
