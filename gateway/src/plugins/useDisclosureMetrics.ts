import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { disclosureCountsOf, KNOWN_DISCLOSURE_COUNTS, selectsDisclosureMarkers, type DisclosureCounts } from '../disclosureCounts';
import type { GatewayMetrics } from '../metrics';

/**
 * Counts the values clients receive marked by disclosure control (`perturbed: true`,
 * `suppressed: true`, docs/privacy.md). Only a response whose document selects a marker is walked;
 * the subgraphs count every value they publish, marker or not (`cswb_subgraph_disclosure_controlled_values_total`).
 */
export function useDisclosureMetrics(metrics: GatewayMetrics): GatewayPlugin {
  return {
    onExecute({ args }) {
      const document = args.document;
      if (!selectsDisclosureMarkers(document)) return;
      return {
        onExecuteDone({ result }) {
          if (!result || typeof result !== 'object' || Symbol.asyncIterator in result) return;
          const counts = (result as { [KNOWN_DISCLOSURE_COUNTS]?: DisclosureCounts })[KNOWN_DISCLOSURE_COUNTS] ?? disclosureCountsOf(document, (result as { data?: unknown }).data);
          if (counts.perturbed) metrics.disclosureControlled.inc({ outcome: 'perturbed' }, counts.perturbed);
          if (counts.withheld) metrics.disclosureControlled.inc({ outcome: 'withheld' }, counts.withheld);
        },
      };
    },
  };
}
