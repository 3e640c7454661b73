import { defineCommand } from './CommandDeclaration';

export const newSectorCommand = defineCommand({
  name: 'new-sector',
  arguments: '<name>',
  summary: 'Scaffold subgraphs/<name>, a working sector with one indicator on Area, and add it to subgraphs.txt (docs/adding-a-sector.md)',
  details: () => `Scaffolds subgraphs/<name>/: one table of monthly counts by neighbourhood, its rollup, synthetic
seed data, an import dataset and one indicator on Area.<name in camel case>, in the shape of the
other sectors; then adds <name> to subgraphs.txt. <name>: lower-case words of letters
and digits joined by single dashes (transit, child-welfare). Refuses an invalid, reserved or
existing name (exit 2) and then writes nothing. Next: npm install, npm run build, npm run compose.
`,
  options: {},
  run: ({ positionals }) => (require('./newSector') as typeof import('./newSector')).newSector(positionals),
});
