// One finder for the browser tests and the web benchmark (cswb bench --only web).
export { findChromium, NO_CHROMIUM_MESSAGE } from '@cswb/cli';
