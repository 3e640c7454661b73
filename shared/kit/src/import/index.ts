import 'reflect-metadata';

export * from './FileImport';
export * from './ImportWriter';
export * from './ImportDataset';
export * from './decodeImportFile';
export * from './formatReport';
export * from './mergeRows';
export * from './neutraliseFormula';
export * from './parseImportFile';
export * from './quoteValue';
export * from './rejectUnknownReferences';
export * from './shippingType';
export * from './validateRecords';
export * from './writeRejects';
