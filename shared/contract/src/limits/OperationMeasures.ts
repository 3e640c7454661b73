/** What the operation limits measure of one operation (or fragment) once its fragments are expanded. */
export interface OperationMeasures {
  /** Deepest field nesting; introspection fields do not count. */
  depth: number;
  aliases: number;
  /** Directive uses (`@skip`, `@include`, …) on fields, fragments and spreads. */
  directives: number;
  /** Fields at the top level of the selection, fragments expanded, `__typename` aside: an operation's root fields. */
  topLevelFields: number;
  /**
   * 1 for every field returning an object, a list field's selection multiplied by the assumed list
   * size per list level (introspection lists are not multiplied: they are as long as the schema).
   */
  dataCost: number;
  /** Every field selected once fragments are expanded: what validating and planning the operation walks. */
  selectedFields: number;
}

/** The estimated cost a limit is checked against: the data it asks for plus the fields it selects. */
export function costOf(measures: OperationMeasures): number {
  const cost = measures.dataCost + measures.selectedFields;
  return cost > Number.MAX_SAFE_INTEGER ? Infinity : cost;
}

export const NO_MEASURES: OperationMeasures = Object.freeze({ depth: 0, aliases: 0, directives: 0, topLevelFields: 0, dataCost: 0, selectedFields: 0 });

/** What a fragment that spreads itself would expand to. */
export const UNBOUNDED_MEASURES: OperationMeasures = Object.freeze({
  depth: Infinity,
  aliases: Infinity,
  directives: Infinity,
  topLevelFields: Infinity,
  dataCost: Infinity,
  selectedFields: Infinity,
});
