export { expectNoAxeViolations, WCAG_21_AA_TAGS, type AxeOptions } from './axe';
export { findChromium, NO_CHROMIUM_MESSAGE } from './chromium';
export { downloadFile, downloadText, type DownloadedFile } from './download';
export { consoleProblems, expectNoConsoleErrors, forgetConsoleProblems, startBrowserHub, TOKEN_STORAGE_KEY, type BrowserHub, type BrowserHubOptions, type OpenOptions, type Role } from './hub';
export { screenshot } from './screenshot';
export { useBrowserHub } from './useBrowserHub';
