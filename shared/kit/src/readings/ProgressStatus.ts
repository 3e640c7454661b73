import { registerEnumType } from 'type-graphql';

/** Where a performance measure stands against its baseline and target. */
export enum ProgressStatus {
  ACHIEVED = 'ACHIEVED',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  OFF_TRACK = 'OFF_TRACK',
  /** No current value the caller may see (no data yet, or suppressed). */
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(ProgressStatus, {
  name: 'ProgressStatus',
  description: 'Progress of a performance measure from its baseline towards its target',
  valuesConfig: {
    ACHIEVED: { description: 'The target is reached' },
    ON_TRACK: { description: 'At least 90% of the way a straight line from baseline to target would be by now' },
    AT_RISK: { description: 'Moving towards the target, but behind that line' },
    OFF_TRACK: { description: 'No better than the baseline' },
    UNKNOWN: { description: 'No current value the caller may see' },
  },
});
