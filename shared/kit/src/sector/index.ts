import 'reflect-metadata';

export * from './AreaProfile';
export type { MeasureLoaders } from './createProfileTypes';
export * from './defineSector';
export * from './SectorProfile';
export * from './sectorNames';
