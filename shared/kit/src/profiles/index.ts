import 'reflect-metadata';

export * from './AreaProfileSource';
export * from './createMeasureLoader';
export * from './resolveIndicators';
export * from './checkMeasureRollup';
export * from './checkMeasureCoverage';
export * from './measureCoverage';
