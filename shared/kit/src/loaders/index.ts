import 'reflect-metadata';

export * from './LoaderRegistry';
export * from './createLoaders';
