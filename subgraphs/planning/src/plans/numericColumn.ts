import type { ValueTransformer } from 'typeorm';

/** pg returns `numeric` as a string: budgets are stored exact to the cent and read as numbers. */
export const NUMERIC: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value == null ? null : Number(value)),
};
