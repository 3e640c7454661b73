// The gateway registers the app's persisted documents from dist/ (gateway/src/webApp.ts), so the
// built folder is the whole app: its files and the documents it may run.
import { copyFileSync } from 'node:fs';

copyFileSync(new URL('../src/gql/persisted-documents.json', import.meta.url), new URL('../dist/persisted-documents.json', import.meta.url));
