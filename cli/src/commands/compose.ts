import { discoverSubgraphs } from '../discoverSubgraphs';
import { CatalogueError } from '@cswb/subgraph-kit/vocabulary';
import { catalogueFiles, CompositionError, generatedFiles, writeOrCheck } from '../compose';

/** `cswb compose [--check]`: regenerate each subgraph's schema.graphql and the supergraph. */
export async function compose(args: { check: boolean }): Promise<number> {
  try {
    const subgraphs = discoverSubgraphs();
    const catalogue = catalogueFiles(subgraphs);
    const staleCatalogue = writeOrCheck(catalogue, args.check);
    const files = await generatedFiles(subgraphs);
    const stale = [...new Set([...staleCatalogue, ...writeOrCheck(files, args.check)])];
    if (args.check) {
      if (stale.length > 0) {
        process.stderr.write(`Generated files are out of date (run "npm run compose" and commit):\n${stale.map((f) => `  ${f}`).join('\n')}\n`);
        return 1;
      }
      process.stdout.write(`All ${files.length} generated files are up to date.\n`);
      return 0;
    }
    process.stdout.write(stale.length ? `Wrote ${stale.join(', ')}\n` : `All ${files.length} generated files were already up to date.\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof CompositionError || error instanceof CatalogueError ? error.message : (error as Error).stack}\n`);
    return 1;
  }
}
