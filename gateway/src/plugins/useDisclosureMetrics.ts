import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { Kind, visit, type DocumentNode } from 'graphql';
import type { GatewayMetrics } from '../metrics';

/** The response keys (aliases included) under which a document selects the disclosure-control markers. */
interface MarkerKeys {
  perturbed: ReadonlySet<string>;
  suppressed: ReadonlySet<string>;
}

function markerKeysOf(document: DocumentNode): MarkerKeys | null {
  const perturbed = new Set<string>();
  const suppressed = new Set<string>();
  visit(document, {
    [Kind.FIELD](field) {
      if (field.name.value === 'perturbed') perturbed.add(field.alias?.value ?? 'perturbed');
      else if (field.name.value === 'suppressed') suppressed.add(field.alias?.value ?? 'suppressed');
    },
  });
  return perturbed.size + suppressed.size === 0 ? null : { perturbed, suppressed };
}

function countMarked(value: unknown, keys: MarkerKeys, counts: { perturbed: number; withheld: number }): void {
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

/**
 * Counts the values clients receive marked by disclosure control (`perturbed: true`,
 * `suppressed: true`, docs/privacy.md). Only a response whose document selects a marker is walked;
 * the subgraphs count every value they publish, marker or not (`cswb_subgraph_disclosure_controlled_values_total`).
 */
export function useDisclosureMetrics(metrics: GatewayMetrics): GatewayPlugin {
  const markers = new WeakMap<DocumentNode, MarkerKeys | null>();
  return {
    onExecute({ args }) {
      let keys = markers.get(args.document);
      if (keys === undefined) markers.set(args.document, (keys = markerKeysOf(args.document)));
      if (!keys) return;
      const found = keys;
      return {
        onExecuteDone({ result }) {
          if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return;
          const counts = { perturbed: 0, withheld: 0 };
          countMarked((result as { data?: unknown }).data, found, counts);
          if (counts.perturbed) metrics.disclosureControlled.inc({ outcome: 'perturbed' }, counts.perturbed);
          if (counts.withheld) metrics.disclosureControlled.inc({ outcome: 'withheld' }, counts.withheld);
        },
      };
    },
  };
}
