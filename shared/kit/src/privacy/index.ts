import 'reflect-metadata';

export * from './DisclosedCount';
export * from './SuppressionReason';
export * from './disclosureControl';
export * from './privacyConfig';
export * from './rowOwnership';
export * from './perturbationTable';
export * from './cellKey';
export * from './publishCount';
export * from './calendarPeriod';
