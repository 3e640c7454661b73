import { FrameworkArea } from '@cswb/subgraph-kit/vocabulary';
import { FrameworkBalance } from '../entities/FrameworkBalance';
import type { Strategy } from '../entities/Strategy';
import { UPSTREAM_BUDGET_SHARE_TARGET, UPSTREAM_FRAMEWORK_AREAS } from './rules';

export interface PlanBalance {
  /** One row per framework area, in the framework's order, areas without strategies included. */
  areas: FrameworkBalance[];
  totalBudget: number;
  /** Null when the plan has no budget: a share of nothing is undefined. */
  upstreamBudgetShare: number | null;
  balanced: boolean | null;
}

/** Strategies and budget per framework area. Sums are taken in cents, so they are exact. */
export function planBalance(strategies: readonly Pick<Strategy, 'frameworkArea' | 'budget'>[]): PlanBalance {
  const cents = (value: number) => Math.round(value * 100);
  const totalCents = strategies.reduce((sum, s) => sum + cents(s.budget), 0);
  const areas = Object.values(FrameworkArea).map((frameworkArea) => {
    const inArea = strategies.filter((s) => s.frameworkArea === frameworkArea);
    const areaCents = inArea.reduce((sum, s) => sum + cents(s.budget), 0);
    return Object.assign(new FrameworkBalance(), {
      frameworkArea,
      strategies: inArea.length,
      budget: areaCents / 100,
      budgetShare: totalCents === 0 ? 0 : areaCents / totalCents,
    });
  });
  const upstreamCents = strategies.filter((s) => UPSTREAM_FRAMEWORK_AREAS.includes(s.frameworkArea)).reduce((sum, s) => sum + cents(s.budget), 0);
  const upstreamBudgetShare = totalCents === 0 ? null : upstreamCents / totalCents;
  return {
    areas,
    totalBudget: totalCents / 100,
    upstreamBudgetShare,
    balanced: upstreamBudgetShare === null ? null : upstreamBudgetShare >= UPSTREAM_BUDGET_SHARE_TARGET,
  };
}
