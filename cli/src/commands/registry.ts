import { auditCommand } from './auditCommand';
import { benchCommand } from './benchCommand';
import { certsCommand } from './certsCommand';
import { checkCommand } from './checkCommand';
import type { CommandDeclaration } from './CommandDeclaration';
import { completionCommand } from './completionCommand';
import { composeCommand } from './composeCommand';
import { importCommand } from './importCommand';
import { migrateCommand } from './migrateCommand';
import { newSectorCommand } from './newSectorCommand';
import { persistedCommand } from './persistedCommand';
import { seedCommand } from './seedCommand';
import { serveSubgraphCommand } from './serveSubgraphCommand';
import { startCommand } from './startCommand';
import { tokenCommand } from './tokenCommand';

/** Every `cswb` command, in the order `cswb --help` lists them. */
export const COMMANDS: readonly CommandDeclaration[] = [
  startCommand,
  composeCommand,
  checkCommand,
  migrateCommand,
  seedCommand,
  importCommand,
  serveSubgraphCommand,
  newSectorCommand,
  tokenCommand,
  certsCommand,
  persistedCommand,
  auditCommand,
  benchCommand,
  completionCommand,
];

export function findCommand(name: string): CommandDeclaration | undefined {
  return COMMANDS.find((command) => command.name === name);
}
