/**
 * The gateway's answer cache asks each subgraph of an answer it already gave to confirm its part
 * instead of answering again: the subgraph checks it still keeps those answers for this caller's
 * access at its current data version, audits the request as a cache hit, and says only yes or no.
 */

/**
 * Response header of a GraphQL answer the subgraph keeps in its response cache after the request:
 * the question's digest (`questionDigestOf`: operation name, document, variables; never the caller).
 */
export const ANSWER_KEPT_HEADER = 'cswb-answer-kept';

/** A question digest as a subgraph sends it: base64url SHA-256. */
export const QUESTION_DIGEST = /^[A-Za-z0-9_-]{43}$/;

/** The most questions one confirmation may name (one per fetch of the answer to that subgraph). */
export const MAX_CONFIRMED_QUESTIONS = 64;

/**
 * Where a subgraph is asked (POST, a `ConfirmationRequest`, the gateway's confirmation assertion
 * for it) to confirm kept answers.
 */
export const CONFIRM_PATH = '/answers/confirm';

/** What a subgraph is sent: the questions of its fetches, as it named them (`ANSWER_KEPT_HEADER`). */
export interface ConfirmationRequest {
  questions: string[];
}

/** A subgraph's whole answer to a confirmation: never any data. */
export interface AnswerConfirmation {
  confirmed: boolean;
}
