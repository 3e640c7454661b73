import { Random } from './Random';

export interface SyntheticArea {
  id: string;
  name: string;
  kind: 'MUNICIPALITY' | 'WARD' | 'NEIGHBOURHOOD';
  parentId: string | null;
  population: number;
  /**
   * Hidden area-level deprivation (a standard-normal score). It is never stored by any
   * subgraph: it only drives rates, so that an area high on one sector's risk tends to
   * be high on the others, as in real cities.
   */
  deprivation: number;
}

export interface SyntheticCity {
  seed: number;
  municipality: SyntheticArea;
  wards: SyntheticArea[];
  neighbourhoods: SyntheticArea[];
  /** Calendar years covered by the sector data, oldest first. */
  years: number[];
}

export interface CitySize {
  wards: number;
  neighbourhoods: number;
  meanPopulation: number;
  firstYear: number;
  lastYear: number;
}

export const CITY_SIZES: Record<'small' | 'city' | 'region', CitySize> = {
  small: { wards: 4, neighbourhoods: 24, meanPopulation: 9000, firstYear: 2021, lastYear: 2024 },
  city: { wards: 25, neighbourhoods: 158, meanPopulation: 17800, firstYear: 2015, lastYear: 2024 },
  // Benchmarks only (`cswb bench --only sql-scaling`): 1,000 small areas over two years, to show that
  // the statements per request do not grow with the number of areas. Not a SEED_SIZE.
  region: { wards: 10, neighbourhoods: 1000, meanPopulation: 4000, firstYear: 2023, lastYear: 2024 },
};

const NAME_PARTS = {
  first: ['North', 'South', 'East', 'West', 'Upper', 'Lower', 'Old', 'New', 'Port', 'Mount', 'Glen', 'Lake', 'River', 'Cedar', 'Maple', 'Birch', 'Pine', 'Elm', 'Oak', 'Willow'],
  second: ['Park', 'Heights', 'Village', 'Hill', 'Grove', 'Commons', 'Gardens', 'Crossing', 'Junction', 'Shores', 'Meadows', 'Ridge', 'Valley', 'Harbour'],
};

/** The areas of a fictional Ontario municipality, the same for the same seed and size. */
export function createSyntheticCity(size: keyof typeof CITY_SIZES, seed: number): SyntheticCity {
  const shape = CITY_SIZES[size];
  const random = Random.forStream(seed, 'city', size);
  const municipalityId = 'lakeshore';
  const wards: SyntheticArea[] = [];
  for (let w = 1; w <= shape.wards; w++) {
    wards.push({
      id: `${municipalityId}-w${String(w).padStart(2, '0')}`,
      name: `Ward ${w}`,
      kind: 'WARD',
      parentId: municipalityId,
      population: 0,
      deprivation: random.normal() * 0.6,
    });
  }
  const usedNames = new Set<string>();
  const neighbourhoods: SyntheticArea[] = [];
  for (let n = 1; n <= shape.neighbourhoods; n++) {
    const ward = wards[(n - 1) % wards.length];
    let name: string;
    do {
      name = `${random.pick(NAME_PARTS.first)} ${random.pick(NAME_PARTS.second)}`;
      if (usedNames.has(name)) name = `${name} ${n}`;
    } while (usedNames.has(name));
    usedNames.add(name);
    // Neighbourhood deprivation clusters by ward, with its own variation.
    const deprivation = ward.deprivation + random.normal() * 0.8;
    const population = Math.max(1200, Math.round(shape.meanPopulation * Math.exp(random.normal() * 0.35)));
    neighbourhoods.push({
      id: `${municipalityId}-n${String(n).padStart(3, '0')}`,
      name,
      kind: 'NEIGHBOURHOOD',
      parentId: ward.id,
      population,
      deprivation,
    });
    ward.population += population;
  }
  // Centre the scores so that the city as a whole sits at the base rates, whatever the seed.
  const meanDeprivation = neighbourhoods.reduce((sum, n) => sum + n.deprivation, 0) / neighbourhoods.length;
  for (const area of [...wards, ...neighbourhoods]) area.deprivation -= meanDeprivation;
  const municipality: SyntheticArea = {
    id: municipalityId,
    name: 'City of Lakeshore',
    kind: 'MUNICIPALITY',
    parentId: null,
    population: wards.reduce((sum, w) => sum + w.population, 0),
    deprivation: 0,
  };
  const years: number[] = [];
  for (let y = shape.firstYear; y <= shape.lastYear; y++) years.push(y);
  return { seed, municipality, wards, neighbourhoods, years };
}

export function allAreas(city: SyntheticCity): SyntheticArea[] {
  return [city.municipality, ...city.wards, ...city.neighbourhoods];
}
