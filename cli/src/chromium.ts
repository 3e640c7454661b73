import * as fs from 'node:fs';

export const NO_CHROMIUM_MESSAGE = "No Chromium found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH";

/** The system Chromium the browser tests and the web benchmark drive (Playwright's own downloads are not used). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(NO_CHROMIUM_MESSAGE);
  return found;
}
