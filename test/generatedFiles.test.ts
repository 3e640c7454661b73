import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverSubgraphs, generatedFiles, PROJECT_ROOT } from '@cswb/cli';

describe('committed generated files', () => {
  it('match what the subgraphs generate now (run "npm run compose" after a schema change)', async () => {
    const files = await generatedFiles(discoverSubgraphs());
    expect(files.map((f) => path.basename(f.path)).sort()).toEqual(
      [...discoverSubgraphs().map(() => 'schema.graphql'), 'supergraph.graphql', 'api-schema.graphql', 'persisted-documents.json', 'indicator-catalogue.json', 'docker-compose.yml'].sort(),
    );
    for (const file of files) {
      // Generated files sit apart from hand-written ones, in generated/ folders (.gitattributes marks them),
      // but for docker-compose.yml, which `docker compose up` looks for at the root.
      if (file.path !== path.join(PROJECT_ROOT, 'docker-compose.yml')) expect(path.basename(path.dirname(file.path))).toBe('generated');
      expect({ path: file.path, content: fs.readFileSync(file.path, 'utf8') }).toEqual({ path: file.path, content: file.content });
    }
  });

  it('compose every subgraph into the supergraph', async () => {
    const files = await generatedFiles(discoverSubgraphs());
    const supergraph = files.find((f) => f.path.endsWith('supergraph.graphql'))!.content;
    for (const { definition } of discoverSubgraphs()) {
      expect(supergraph).toContain(`@join__graph(name: "${definition.name}", url: "http://localhost:${definition.defaultPort}/graphql")`);
    }
  });
});
