import * as fs from 'node:fs';
import * as path from 'node:path';

/** Writes a file named `name` into `directory` (a test's temporary directory) and returns its path. */
export function writeFileIn(directory: string, name: string, content: string | Buffer): string {
  const file = path.join(directory, name);
  fs.writeFileSync(file, content);
  return file;
}
