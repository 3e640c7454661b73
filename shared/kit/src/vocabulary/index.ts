import 'reflect-metadata';

export * from './BetterDirection';
export * from './FrameworkArea';
export * from './Granularity';
export * from './IndicatorArgs';
export * from './IndicatorDefinition';
export * from './IndicatorDefinitionResolver';
export * from './IndicatorSeries';
export * from './Language';
export * from './LocalizedText';
export * from './MeasureCoverage';
export * from './Observation';
export * from './Period';
export * from './UnavailableReason';
export * from './buildIndicatorSeries';
export * from './indicatorCatalogue';
export * from './periods';
export * from './riskFactors';
