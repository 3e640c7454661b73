import { Random, SyntheticArea, SyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { HousingShelterSector } from '../entities/HousingShelterSector';

export interface GeneratedShelter {
  shelterCode: string;
  name: string;
  areaId: string;
  sector: HousingShelterSector;
  capacity: number;
}

export interface GeneratedShelterNight {
  shelterCode: string;
  night: string;
  occupied: number;
  capacity: number;
}

export interface GeneratedAreaMonth {
  areaId: string;
  /** First day of the month. */
  month: string;
  chronicallyHomeless: number;
  waitlistHouseholds: number;
  evictionApplications: number;
}

export interface GeneratedPointInTimeCount {
  areaId: string;
  countDate: string;
  peopleCounted: number;
}

/** One chunk of the generated records; the shelters always come in the first chunk. */
export interface HousingRecordBatch {
  shelters: GeneratedShelter[];
  nights: GeneratedShelterNight[];
  areaMonths: GeneratedAreaMonth[];
  pointInTimeCounts: GeneratedPointInTimeCount[];
}

interface RateModel {
  /** Per 1,000 residents in an area of average deprivation, in the first year (yearly for flows). */
  perThousand: number;
  /** How strongly the hidden deprivation score raises the rate (log-linear). */
  deprivation: number;
  /** Relative change per year. */
  trend: number;
  /** Amplitude of the winter (January) peak. */
  winter: number;
}

// Rates and their sources are listed in docs/data/housing.md.
const CHRONICALLY_HOMELESS: RateModel = { perThousand: 1.0, deprivation: 0.6, trend: 0.08, winter: 0.05 };
const WAITLIST_HOUSEHOLDS: RateModel = { perThousand: 15, deprivation: 0.5, trend: 0.03, winter: 0 };
const EVICTION_APPLICATIONS: RateModel = { perThousand: 3, deprivation: 0.4, trend: 0.02, winter: 0 };
const POINT_IN_TIME: RateModel = { perThousand: 1.4, deprivation: 0.6, trend: 0.08, winter: 0 };

const RESIDENTS_PER_SHELTER = 25_000;
/** Shelters sit where need is: placement weight is population × exp(β × deprivation). */
const SHELTER_PLACEMENT_DEPRIVATION = 0.8;
const SECTORS = Object.values(HousingShelterSector);
const SECTOR_WEIGHTS = [25, 30, 15, 12, 18];
const SECTOR_CAPACITY: Record<HousingShelterSector, [number, number]> = {
  FAMILIES: [60, 180],
  MEN: [50, 150],
  WOMEN: [25, 80],
  YOUTH: [20, 60],
  MIXED_ADULT: [30, 120],
};
const SECTOR_LABEL: Record<HousingShelterSector, string> = {
  FAMILIES: 'Family',
  MEN: "Men's",
  WOMEN: "Women's",
  YOUTH: 'Youth',
  MIXED_ADULT: 'Adult',
};

/** Nightly occupancy: a share of beds in service, higher in winter, drifting up over the years. */
const OCCUPANCY = { base: 0.945, winter: 0.025, deprivation: 0.008, trend: 0.004, persistence: 0.85, noise: 0.012, floor: 0.7 };
/** Share of beds kept in service for physical distancing, April 2020 to December 2021. */
const DISTANCING_CAPACITY = 0.8;

const DAY_MS = 86_400_000;

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Monthly mean of a model: stocks are levels, flows (`yearly`) are a twelfth of the yearly rate. */
function monthlyMean(model: RateModel, area: SyntheticArea, yearIndex: number, month: number, yearly: boolean): number {
  const winter = 1 + model.winter * Math.cos((2 * Math.PI * (month - 1)) / 12);
  const trend = (1 + model.trend) ** (yearIndex + (month - 1) / 12);
  const level = (area.population / 1000) * model.perThousand * Math.exp(model.deprivation * area.deprivation) * winter * trend;
  return yearly ? level / 12 : level;
}

/**
 * Eviction applications fell while the Landlord and Tenant Board stopped issuing eviction
 * orders (spring 2020) and during the 2021 provincial enforcement moratorium.
 */
function moratoriumFactor(year: number, month: number): number {
  if (year === 2020) return month >= 4 && month <= 7 ? 0.4 : month >= 8 ? 0.8 : 1;
  if (year === 2021) return month <= 6 ? 0.55 : 0.8;
  return 1;
}

/** The third Wednesday of April: the date of the biennial point-in-time count. */
function countDate(year: number): string {
  const firstWeekday = new Date(Date.UTC(year, 3, 1)).getUTCDay();
  const firstWednesday = 1 + ((3 - firstWeekday + 7) % 7);
  return isoDate(year, 4, firstWednesday + 14);
}

function placeShelters(city: SyntheticCity): GeneratedShelter[] {
  const random = Random.forStream(city.seed, 'housing', 'shelters');
  const residents = city.neighbourhoods.reduce((sum, area) => sum + area.population, 0);
  const weights = city.neighbourhoods.map((area) => area.population * Math.exp(SHELTER_PLACEMENT_DEPRIVATION * area.deprivation));
  const names = new Map<string, number>();
  const shelters: GeneratedShelter[] = [];
  const count = Math.max(1, Math.round(residents / RESIDENTS_PER_SHELTER));
  for (let i = 1; i <= count; i++) {
    const area = random.weighted(city.neighbourhoods, weights);
    const sector = random.weighted(SECTORS, SECTOR_WEIGHTS);
    const [min, max] = SECTOR_CAPACITY[sector];
    const baseName = `${area.name} ${SECTOR_LABEL[sector]} Shelter`;
    const seen = (names.get(baseName) ?? 0) + 1;
    names.set(baseName, seen);
    shelters.push({
      shelterCode: `SH-${String(i).padStart(3, '0')}`,
      name: seen === 1 ? baseName : `${baseName} ${seen}`,
      areaId: area.id,
      sector,
      capacity: random.int(min, max),
    });
  }
  return shelters;
}

function shelterNights(city: SyntheticCity, shelter: GeneratedShelter, area: SyntheticArea, random: Random, yearIndex: number, state: { noise: number }): GeneratedShelterNight[] {
  const year = city.years[yearIndex];
  const nights: GeneratedShelterNight[] = [];
  const first = Date.UTC(year, 0, 1);
  const last = Date.UTC(year, 11, 31);
  for (let time = first, dayOfYear = 0; time <= last; time += DAY_MS, dayOfYear++) {
    const night = new Date(time).toISOString().slice(0, 10);
    const distancing = night >= '2020-04-01' && night <= '2021-12-31';
    const capacity = distancing ? Math.round(shelter.capacity * DISTANCING_CAPACITY) : shelter.capacity;
    state.noise = OCCUPANCY.persistence * state.noise + OCCUPANCY.noise * random.normal();
    const share =
      OCCUPANCY.base +
      OCCUPANCY.winter * Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365.25) +
      OCCUPANCY.deprivation * area.deprivation +
      OCCUPANCY.trend * yearIndex +
      state.noise;
    const occupied = Math.round(capacity * Math.min(1, Math.max(OCCUPANCY.floor, share)));
    nights.push({ shelterCode: shelter.shelterCode, night, occupied, capacity });
  }
  return nights;
}

const EMPTY: HousingRecordBatch = { shelters: [], nights: [], areaMonths: [], pointInTimeCounts: [] };

/**
 * The housing records of the synthetic city, the same for the same city: the shelters first,
 * then one shelter-year of nights at a time, then one neighbourhood at a time, so a caller
 * can write large cities in chunks.
 */
export function* generateHousingRecords(city: SyntheticCity): Generator<HousingRecordBatch> {
  const shelters = placeShelters(city);
  yield { ...EMPTY, shelters };
  const areas = new Map(city.neighbourhoods.map((area) => [area.id, area]));
  for (const shelter of shelters) {
    const area = areas.get(shelter.areaId)!;
    const random = Random.forStream(city.seed, 'housing', area.id, shelter.shelterCode);
    const state = { noise: 0 };
    for (const yearIndex of city.years.keys()) {
      yield { ...EMPTY, nights: shelterNights(city, shelter, area, random, yearIndex, state) };
    }
  }
  for (const area of city.neighbourhoods) {
    const random = Random.forStream(city.seed, 'housing', area.id, 'months');
    const areaMonths: GeneratedAreaMonth[] = [];
    const pointInTimeCounts: GeneratedPointInTimeCount[] = [];
    for (const [yearIndex, year] of city.years.entries()) {
      for (let month = 1; month <= 12; month++) {
        areaMonths.push({
          areaId: area.id,
          month: isoDate(year, month, 1),
          chronicallyHomeless: random.poisson(monthlyMean(CHRONICALLY_HOMELESS, area, yearIndex, month, false)),
          waitlistHouseholds: random.poisson(monthlyMean(WAITLIST_HOUSEHOLDS, area, yearIndex, month, false)),
          evictionApplications: random.poisson(monthlyMean(EVICTION_APPLICATIONS, area, yearIndex, month, true) * moratoriumFactor(year, month)),
        });
      }
      if (year % 2 === 1) {
        pointInTimeCounts.push({
          areaId: area.id,
          countDate: countDate(year),
          peopleCounted: random.poisson(monthlyMean(POINT_IN_TIME, area, yearIndex, 1, false)),
        });
      }
    }
    yield { ...EMPTY, areaMonths, pointInTimeCounts };
  }
}
