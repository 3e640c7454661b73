/**
 * The gateway's answer cache asks each subgraph fetch of an answer it already gave to confirm it
 * instead of answering again: the subgraph checks it still keeps that answer for this caller's
 * access at its current data version, audits the request as a cache hit, and says only yes or no.
 */

/** Response header (`1`) of a GraphQL answer the subgraph keeps in its response cache after the request. */
export const ANSWER_KEPT_HEADER = 'cswb-answer-kept';

/** Where a subgraph is asked (POST, the GraphQL request's body, the gateway's assertion for it) to confirm a kept answer. */
export const CONFIRM_PATH = '/answers/confirm';

/** A subgraph's whole answer to a confirmation: never any data. */
export interface AnswerConfirmation {
  confirmed: boolean;
}
