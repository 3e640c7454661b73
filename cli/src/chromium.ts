import * as fs from 'node:fs';

export const NO_CHROMIUM_MESSAGE = "No Chromium found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH";

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The system Chromium the browser tests and the web benchmark drive (Playwright's own browser downloads cannot be
 * reached from CI): `CHROMIUM_PATH`, else Debian's /usr/bin/chromium or /usr/bin/chromium-browser.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find(isExecutable);
  if (!found) throw new Error(NO_CHROMIUM_MESSAGE);
  return found;
}
