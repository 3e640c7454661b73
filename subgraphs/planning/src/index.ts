import 'reflect-metadata';
import type { SubgraphDefinition } from '@cswb/shared';
import { Area } from './entities/Area';
import { createLoaders, PlanningLoaders } from './loaders/createLoaders';
import { CreateArea1732140000000 } from './migrations/1732140000000-CreateArea';
import { AreaResolver, resolveAreaReference } from './resolvers/AreaResolver';
import { IndicatorCatalogueResolver } from './resolvers/IndicatorCatalogueResolver';
import { isSeeded, seed } from './seed/seed';

export const subgraph: SubgraphDefinition<PlanningLoaders> = {
  name: 'planning',
  description: "The municipality's CSWB planning subgraph: owns the area registry every sector reports against",
  defaultPort: 4001,
  entities: [Area],
  migrations: [CreateArea1732140000000],
  resolvers: [AreaResolver, IndicatorCatalogueResolver],
  servesIndicatorCatalogue: true,
  referenceResolvers: { Area: resolveAreaReference },
  createLoaders,
  isSeeded,
  seed,
};

export { Area };
