import 'reflect-metadata';

export * from './buildFederatedSchema';
