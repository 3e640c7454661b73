import 'reflect-metadata';

export * from './CreateAreaRegistry1732140010000';
export * from './areaRegistry';
export * from './areasImportDataset';
export * from './seedAreaRegistry';
