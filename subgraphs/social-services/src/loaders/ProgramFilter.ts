import type { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import type { ServiceCategory } from '../entities/ServiceCategory';

/** The filters of a program listing, normalised so equal filters share one loader. */
export interface ProgramFilter {
  frameworkArea: FrameworkArea | null;
  category: ServiceCategory | null;
}

export function programFilter(args: { frameworkArea?: FrameworkArea | null; category?: ServiceCategory | null }): ProgramFilter {
  return { frameworkArea: args.frameworkArea ?? null, category: args.category ?? null };
}
