import { Random, SyntheticCity } from '@cswb/subgraph-kit/synthetic';
import { CallType } from '../entities/CallType';
import { OccurrenceCategory } from '../entities/OccurrenceCategory';
import { PremisesType } from '../entities/PremisesType';

export interface GeneratedOccurrence {
  occurrenceNumber: string;
  agencyId: string;
  occurredOn: string;
  areaId: string;
  category: OccurrenceCategory;
  premisesType: PremisesType;
  cleared: boolean;
}

export interface GeneratedCall {
  callNumber: string;
  agencyId: string;
  receivedOn: string;
  areaId: string;
  callType: CallType;
  mhaApprehension: boolean;
}

interface RateModel {
  /** Yearly rate per 1,000 residents in an area of average deprivation, in the first year. */
  perThousand: number;
  /** How strongly the hidden deprivation score raises the rate (log-linear). */
  deprivation: number;
  /** Relative change per year. */
  trend: number;
  /** Amplitude of the summer peak. */
  summer: number;
}

// Rates and their sources are listed in docs/data.md.
const OCCURRENCE_RATES: Record<OccurrenceCategory, RateModel> = {
  VIOLENT: { perThousand: 10, deprivation: 0.45, trend: 0.015, summer: 0.12 },
  PROPERTY: { perThousand: 24, deprivation: 0.2, trend: -0.02, summer: 0.08 },
  OTHER_CRIMINAL_CODE: { perThousand: 4.5, deprivation: 0.35, trend: 0, summer: 0.05 },
  DRUGS: { perThousand: 1.5, deprivation: 0.5, trend: -0.05, summer: 0.05 },
  TRAFFIC: { perThousand: 3, deprivation: 0.1, trend: 0, summer: 0.05 },
};

const CALL_RATES: Record<CallType, RateModel> = {
  PERSON_IN_CRISIS: { perThousand: 8, deprivation: 0.5, trend: 0.06, summer: 0.1 },
  DISTURBANCE: { perThousand: 15, deprivation: 0.35, trend: 0, summer: 0.2 },
  DOMESTIC: { perThousand: 6, deprivation: 0.4, trend: 0.01, summer: 0.08 },
  WELFARE_CHECK: { perThousand: 10, deprivation: 0.3, trend: 0.03, summer: 0 },
  SUSPICIOUS: { perThousand: 12, deprivation: 0.1, trend: 0, summer: 0.1 },
  OTHER: { perThousand: 20, deprivation: 0.1, trend: 0, summer: 0.05 },
};

/** The municipality's own service polices most wards; an OPP detachment polices the last one. */
export const POLICE_AGENCIES = { municipal: 'lakeshore-police', opp: 'opp-lakeshore-detachment' } as const;

/** The services' names in the agency registry (`police_agency`). */
export const POLICE_AGENCY_NAMES: Readonly<Record<(typeof POLICE_AGENCIES)[keyof typeof POLICE_AGENCIES], string>> = {
  'lakeshore-police': 'Lakeshore Police Service',
  'opp-lakeshore-detachment': 'OPP Lakeshore Detachment',
};

export function agencyFor(city: SyntheticCity, neighbourhoodParentId: string | null): string {
  return neighbourhoodParentId === city.wards[city.wards.length - 1].id ? POLICE_AGENCIES.opp : POLICE_AGENCIES.municipal;
}

/** Share of person-in-crisis calls ending in a Mental Health Act apprehension. */
const MHA_APPREHENSION_SHARE = 0.18;
const CLEARANCE: Record<OccurrenceCategory, number> = { VIOLENT: 0.62, PROPERTY: 0.2, OTHER_CRIMINAL_CODE: 0.55, DRUGS: 0.8, TRAFFIC: 0.7 };
const PREMISES = Object.values(PremisesType);
const PREMISES_WEIGHTS = [38, 22, 24, 5, 4, 7];

function monthlyMean(model: RateModel, population: number, deprivation: number, yearIndex: number, month: number): number {
  const seasonal = 1 + model.summer * Math.cos((2 * Math.PI * (month - 7)) / 12);
  const trend = (1 + model.trend) ** yearIndex;
  return ((population / 1000) * model.perThousand * Math.exp(model.deprivation * deprivation) * seasonal * trend) / 12;
}

function dayIn(random: Random, year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(random.int(1, days)).padStart(2, '0')}`;
}

/**
 * The police records of the synthetic city, the same for the same city. Calls one
 * neighbourhood-month at a time, so a caller can write large cities in chunks.
 */
export function* generatePoliceRecords(city: SyntheticCity): Generator<{ occurrences: GeneratedOccurrence[]; calls: GeneratedCall[] }> {
  const sequence = new Map<number, number>();
  const next = (year: number) => {
    const value = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, value);
    return value;
  };
  for (const area of city.neighbourhoods) {
    const random = Random.forStream(city.seed, 'police', area.id);
    const agencyId = agencyFor(city, area.parentId);
    for (const [yearIndex, year] of city.years.entries()) {
      for (let month = 1; month <= 12; month++) {
        const occurrences: GeneratedOccurrence[] = [];
        for (const category of Object.values(OccurrenceCategory)) {
          const n = random.poisson(monthlyMean(OCCURRENCE_RATES[category], area.population, area.deprivation, yearIndex, month));
          for (let i = 0; i < n; i++) {
            occurrences.push({
              occurrenceNumber: `${area.id}-O${year}-${String(next(year)).padStart(7, '0')}`,
              agencyId,
              occurredOn: dayIn(random, year, month),
              areaId: area.id,
              category,
              premisesType: random.weighted(PREMISES, PREMISES_WEIGHTS),
              cleared: random.next() < CLEARANCE[category],
            });
          }
        }
        const calls: GeneratedCall[] = [];
        for (const callType of Object.values(CallType)) {
          const n = random.poisson(monthlyMean(CALL_RATES[callType], area.population, area.deprivation, yearIndex, month));
          for (let i = 0; i < n; i++) {
            calls.push({
              callNumber: `${area.id}-C${year}-${String(next(year)).padStart(7, '0')}`,
              agencyId,
              receivedOn: dayIn(random, year, month),
              areaId: area.id,
              callType,
              mhaApprehension: callType === CallType.PERSON_IN_CRISIS && random.next() < MHA_APPREHENSION_SHARE,
            });
          }
        }
        yield { occurrences, calls };
      }
    }
  }
}
