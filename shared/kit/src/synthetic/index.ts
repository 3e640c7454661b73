import 'reflect-metadata';

export * from './Random';
export * from './syntheticCity';
