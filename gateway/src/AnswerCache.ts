import { BudgetedCache } from '@cswb/contract/cache';
import type { DisclosureCounts } from './disclosureCounts';

/** One subgraph fetch of a kept answer: what the subgraph is asked to confirm. */
export interface KeptFetch {
  subgraph: string;
  url: string;
  /** The question as the subgraph named it when it kept its answer (`cswb-answer-kept`). */
  question: string;
}

/** An answer the gateway gave, as sent, and the subgraph fetches it was made of. */
export interface KeptAnswer {
  text: string;
  fetches: readonly KeptFetch[];
  /** Its values marked by disclosure control, counted again each time it is served. */
  disclosure: DisclosureCounts;
}

/**
 * The gateway's answers by key (document, variables, operation name and the caller's access),
 * counting the answer's text and the fetches against the budget. Nothing here is served on its
 * own: `useAnswerCache` serves an answer only once every subgraph of it has confirmed it.
 */
export class AnswerCache extends BudgetedCache<KeptAnswer> {
  get(key: string): KeptAnswer | undefined {
    return this.peek(key);
  }

  set(key: string, answer: KeptAnswer): boolean {
    const bytes = answer.text.length + answer.fetches.reduce((sum, fetch) => sum + fetch.question.length + fetch.url.length + fetch.subgraph.length, 0);
    return this.keep(key, answer, bytes);
  }
}
