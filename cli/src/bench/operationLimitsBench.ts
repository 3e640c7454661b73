import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, parse, type GraphQLSchema } from 'graphql';
import { readOperationLimits, type OperationLimitsConfig } from '@cswb/contract/config';
import { countTokens, measureDocument, operationLimitErrors, tokenLimitError } from '@cswb/contract/limits';
import { PROJECT_ROOT } from '../projectRoot';
import { SUPERGRAPH_FILE } from '../compose';
import type { BenchOptions, BenchSuite } from './BenchSuite';
import { describeMachine } from './machine';
import { percentile } from './measure';

const QUERIES = path.join(PROJECT_ROOT, 'docs', 'queries');
const FAN_OUT_DEPTHS = [10, 20, 30, 60];

/** `{ areas { ...F0 } }` with fragments that each spread the next twice (issue 13). */
export function fanOutDocument(depth: number): string {
  let document = '{ areas { ...F0 } }';
  for (let i = 0; i < depth; i++) document += ` fragment F${i} on Area { id ...F${i + 1} ...F${i + 1} }`;
  return `${document} fragment F${depth} on Area { id }`;
}

/** Median and p99 microseconds of `work` over `iterations` calls, after a warm-up. */
function microseconds(work: () => unknown, iterations: number): { p50: number; p99: number } {
  for (let i = 0; i < Math.min(200, iterations); i++) work();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const us = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} µs`;

/** What the gateway does once the document is parsed, and what a subgraph does from its source on a cache miss. */
function checks(source: string, schema: GraphQLSchema, limits: OperationLimitsConfig) {
  const document = parse(source);
  return {
    gateway: () => operationLimitErrors(document, schema, limits),
    subgraph: () => tokenLimitError(source, limits) ?? operationLimitErrors(parse(source, { noLocation: true }), schema, limits),
  };
}

/**
 * What the operation limits cost (shared/contract/src/limits), in process on the supergraph's schema: per
 * documented query, and to refuse the fragment fan-out document at several depths.
 */
export const operationLimitsSuite: BenchSuite = {
  id: 'operation-limits',
  title: 'Operation limits: checking cost per request, time to refuse the fragment fan-out',
  async run(options: BenchOptions): Promise<string> {
    const iterations = options.smoke ? 200 : 5000;
    const schema = buildSchema(fs.readFileSync(SUPERGRAPH_FILE, 'utf8'), { assumeValidSDL: true });
    const limits = readOperationLimits({});
    const lines = [
      '### Operation limits: checking cost per request, time to refuse the fragment fan-out',
      '',
      `${describeMachine()}; in process, default limits, ${iterations} checks per document (median and p99).`,
      '',
      '| documented query | tokens | fields | cost | gateway check (parsed document) | subgraph check (from source, first time) |',
      '| --- | --- | --- | --- | --- | --- |',
    ];
    for (const file of fs.readdirSync(QUERIES).filter((f) => f.endsWith('.graphql')).sort()) {
      options.log(`operation-limits: ${file}`);
      const source = fs.readFileSync(path.join(QUERIES, file), 'utf8');
      const [{ measures }] = measureDocument(parse(source), schema, limits.listSize).operations;
      const { gateway, subgraph } = checks(source, schema, limits);
      const atGateway = microseconds(gateway, iterations);
      const atSubgraph = microseconds(subgraph, iterations);
      const tokens = countTokens(source, Infinity);
      lines.push(
        `| ${file.replace(/\.graphql$/, '')} | ${tokens} | ${measures.selectedFields} | ${measures.dataCost + measures.selectedFields} | ${us(atGateway.p50)} (p99 ${us(atGateway.p99)}) | ${us(atSubgraph.p50)} (p99 ${us(atSubgraph.p99)}) |`,
      );
    }
    lines.push('', '| fan-out depth | document | fields once expanded | fragment bodies walked | refused with | time to measure and refuse |', '| --- | --- | --- | --- | --- | --- |');
    for (const depth of FAN_OUT_DEPTHS) {
      const source = fanOutDocument(depth);
      const measured = measureDocument(parse(source), schema, limits.listSize);
      const codes = operationLimitErrors(parse(source), schema, limits).map((e) => e.extensions.code);
      const { subgraph } = checks(source, schema, limits);
      const time = microseconds(subgraph, iterations);
      const fields = measured.operations[0].measures.selectedFields;
      lines.push(
        `| ${depth} | ${source.length} bytes | ${Number.isFinite(fields) ? fields.toLocaleString('en') : '> 2^53'} | ${measured.fragmentBodiesWalked} | ${codes.join(', ')} | ${us(time.p50)} (p99 ${us(time.p99)}) |`,
      );
    }
    return lines.join('\n');
  },
};
