import * as path from 'node:path';
import { PROJECT_ROOT } from './projectRoot';

/** The composed supergraph the gateway serves (written by `cswb compose`). */
export const SUPERGRAPH_FILE = path.join(PROJECT_ROOT, 'gateway', 'generated', 'supergraph.graphql');
