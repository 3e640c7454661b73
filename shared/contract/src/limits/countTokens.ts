import { Lexer, Source, TokenKind } from 'graphql';

/** Tokens in a document as the parser counts them (comments excluded), counting no further than `stopAt`. */
export function countTokens(document: string, stopAt: number): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  try {
    while (count < stopAt && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return count; // a syntax error: the parser reports it
  }
  return count;
}
