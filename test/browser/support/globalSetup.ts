// The run's PostgreSQL and certificates, as for `npm test` (jest.config.js names the same file).
import sharedGlobalSetup from '../../../shared/testing/dist/jest/globalSetup';
import { findChromium } from './chromium';

/** `npm run test:browser` fails at once, with one line saying what to install, when there is no Chromium. */
export default async function globalSetup(): Promise<void> {
  try {
    findChromium();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  await sharedGlobalSetup();
}
