import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import { Query, Resolver } from 'type-graphql';
import { catalogueSectors, sectorLabels } from '../catalogue/indicatorCatalogue';
import { FrameworkAreaInfo } from '../entities/FrameworkAreaInfo';
import { SectorInfo } from '../entities/SectorInfo';

/** The hub's fixed words, for dashboards to label what they show in English or French. */
@Resolver()
export class VocabularyResolver {
  @Query(() => [FrameworkAreaInfo], { description: 'The four areas of the CSWB planning framework, in framework order, with their names and descriptions' })
  frameworkAreas(): FrameworkAreaInfo[] {
    return Object.values(FrameworkArea).map((area) => FrameworkAreaInfo.of(area));
  }

  @Query(() => [SectorInfo], { description: 'Every subgraph of the hub by name, with its display name; `IndicatorDefinition.sector` is one of these names' })
  sectors(): SectorInfo[] {
    const publishing = new Set(catalogueSectors());
    return sectorLabels().map((sector) => SectorInfo.of(sector, publishing.has(sector.name)));
  }
}
