import type { DataSource } from 'typeorm';

/** What a whole-file import wrote. */
export interface FileImportCounts {
  /** Records the file holds (features, rows). */
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * A kind of file `cswb import <sector> <name> <file>` takes that is not a table of rows (e.g. a
 * GeoJSON FeatureCollection): the sector reads, validates and writes it itself. It must write
 * in one transaction, merge so that importing a file twice changes nothing, and refuse an
 * invalid file with an InvalidImportFileError naming every problem, having written nothing.
 */
export interface FileImport {
  name: string;
  description?: string;
  importText(db: DataSource, text: string): Promise<FileImportCounts>;
}
