export * from './ImportDataset';
export * from './parseImportFile';
export * from './validateRecords';
export * from './mergeRows';
export * from './writeRejects';
export * from './formatReport';
export * from './rejectUnknownReferences';
