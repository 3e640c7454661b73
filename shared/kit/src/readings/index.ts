import 'reflect-metadata';

export * from './IndicatorReading';
export * from './ProgressStatus';
export * from './TrendDirection';
export * from './createIndicatorReading';
export * from './createReadingReferences';
export * from './progress';
export * from './readingSeries';
