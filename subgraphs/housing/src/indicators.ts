import { BetterDirection, FrameworkArea, Granularity, IndicatorDefinition, IndicatorSpec } from '@cswb/subgraph-kit/vocabulary';

const SOURCE = 'Lakeshore housing and homelessness service manager: shelter nightly occupancy, By-Name List, centralised waitlist';

function definition(
  id: string,
  name: string,
  text: string,
  frameworkArea: FrameworkArea,
  unit: string,
  source = SOURCE,
  frequency = Granularity.MONTH,
): IndicatorDefinition {
  return {
    id: `housing.${id}`,
    name,
    definition: text,
    sector: 'housing',
    frameworkArea,
    unit,
    betterWhen: BetterDirection.LOWER,
    source,
    frequency,
  };
}

/**
 * The housing indicators, in catalogue order. Waitlist and chronic homelessness are stocks:
 * over a quarter or year the loader averages their monthly values.
 */
export const HOUSING_INDICATORS: readonly IndicatorSpec[] = [
  {
    numerator: 'shelter_bed_nights_occupied',
    denominator: { measure: 'shelter_bed_nights_available' },
    per: 100,
    definition: definition(
      'shelter_occupancy_rate',
      'Shelter occupancy rate',
      'Occupied over available emergency shelter bed-nights, shelters located in the area, in percent',
      FrameworkArea.RISK_INTERVENTION,
      'percent',
    ),
  },
  {
    numerator: 'chronically_homeless',
    definition: definition(
      'chronic_homelessness',
      'Chronic homelessness',
      'People on the By-Name List homeless for 6 months or more in the past year (average of month-end counts)',
      FrameworkArea.PREVENTION,
      'count',
    ),
  },
  {
    numerator: 'waitlist_households',
    definition: definition(
      'social_housing_waitlist',
      'Social housing waitlist',
      'Households on the centralised rent-geared-to-income waitlist (average of month-end counts)',
      FrameworkArea.SOCIAL_DEVELOPMENT,
      'households',
    ),
  },
  {
    numerator: 'eviction_applications',
    denominator: 'population',
    per: 1000,
    definition: definition(
      'eviction_application_rate',
      'Eviction application rate',
      'Landlord and Tenant Board L1 and L2 eviction applications per 1,000 residents',
      FrameworkArea.PREVENTION,
      'per 1,000 residents',
      'Tribunals Ontario, Landlord and Tenant Board applications by rental unit location',
    ),
  },
  {
    numerator: 'pit_people_counted',
    definition: definition(
      'point_in_time_count',
      'Point-in-time count',
      'People counted as homeless (sheltered and unsheltered) by the biennial point-in-time count',
      FrameworkArea.PREVENTION,
      'count',
      'Lakeshore point-in-time count (Ontario service manager homelessness enumeration)',
      Granularity.YEAR,
    ),
  },
];
