export * from './freePort';
export * from './gracefulClose';
export * from './httpRefusals';
