import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { AccessRequirements, answerKeyOf, questionDigestOf, SCOPES } from '@cswb/contract/auth';
import { ANSWER_KEPT_HEADER } from '@cswb/contract/trust';
import type { SubgraphContext } from '../server/SubgraphDefinition';
import { auditEntryFor } from '../audit/auditEntryFor';
import { writeAuditEntryAtDataVersion } from '../audit/writeAuditEntry';
import { namedStatement } from '../db/NamedStatementClient';
import { recordAuditWrite } from '../telemetry/metricsScope';
import type { CachedResponse, ResponseCache } from './ResponseCache';
import { keepAnswerText } from './serializedAnswers';

/**
 * The only scope an answer may need to be cached: aggregate figures, already published under
 * disclosure control. Anything else (record-level data, the audit log, plans being written) is
 * answered afresh every time.
 */
const CACHEABLE_SCOPES: readonly string[] = [SCOPES.aggregatesRead];

function cacheable(requirements: AccessRequirements | undefined): boolean {
  // An unprotected field's read is recorded only because it names one neighbourhood (`recordAreaRead`).
  if (!requirements) return true;
  return requirements.scopes.every((groups) => groups.every((group) => group.every((scope) => CACHEABLE_SCOPES.includes(scope))));
}

/** What writing a kept answer's audit entry needs of a request. */
export type AuditedRequest = Pick<SubgraphContext, 'db' | 'caller' | 'requestId' | 'operationName' | 'auditWritten'>;

/**
 * Writes the audit entry of an answer about to be served from the cache, in one statement that
 * also checks the data version it was computed at. False when the version has moved, or when the
 * entry could not be written: the request is then answered afresh and the audit plugin writes its
 * entry or withholds the answer (fail-closed as ever).
 */
export async function auditKeptAnswer(context: AuditedRequest, kept: CachedResponse): Promise<boolean> {
  try {
    const written = await writeAuditEntryAtDataVersion(context.db, auditEntryFor({ ...context, reads: kept.reads }), kept.dataVersion);
    if (!written) return false;
    recordAuditWrite('written');
    context.auditWritten = true;
    return true;
  } catch {
    return false;
  }
}

const READ_DATA_VERSION = namedStatement('cswb_read_data_version', 'SELECT version::text AS version FROM data_version');

/** The sector's current data version; undefined when it cannot be read. */
export function readDataVersion(context: Pick<SubgraphContext, 'db'>): Promise<string | undefined> {
  return context.db
    .query(READ_DATA_VERSION, [])
    .then((rows: { version?: string }[]) => rows[0]?.version)
    .catch(() => undefined);
}

export interface ResponseCachePluginOptions {
  cache: ResponseCache;
  /** What each protected field requires (`protectSchema`), by `Type.field`; a field not in it is unprotected. */
  requirements: ReadonlyMap<string, AccessRequirements>;
}

/**
 * Serves a query's answer from `cache` when the same caller access, document and variables were
 * answered at the current data version (`data_version`, moved by any write to the sector's data),
 * without running a resolver. The audit log is unchanged: an answer served from the cache records
 * the reads it was computed from, under this request's caller and request id, before it is served
 * and in the statement that checks its data version (`auditKeptAnswer`). Never cached: mutations, answers with errors, answers that read a
 * field needing more than aggregate access, and answers that asked the gateway for another
 * sector's data (`gatewayUrl`), whose version this subgraph does not know. An answer kept after
 * the request (served from the cache or just kept) is sent with `cswb-answer-kept: <question>`, the
 * digest of its operation name, document and variables (`questionDigestOf`), which the gateway
 * names it by when it asks for a confirmation (`confirmKeptAnswer`).
 */
export function responseCachePlugin(options: ResponseCachePluginOptions): ApolloServerPlugin<SubgraphContext> {
  const { cache, requirements } = options;
  return {
    async requestDidStart() {
      let question: string | undefined;
      let key: string | undefined;
      let dataVersion: string | undefined;
      let servedFromCache = false;
      return {
        async responseForOperation({ contextValue, operation, source, request }) {
          if (!cache.enabled || operation?.operation !== 'query') return null;
          question = questionDigestOf(request.operationName, source, request.variables);
          key = answerKeyOf(contextValue.caller, question);
          const serve = (kept: CachedResponse) => {
            servedFromCache = true;
            contextValue.reads.push(...kept.reads);
            return { http: { headers: new HeaderMap() }, body: { kind: 'single' as const, singleResult: kept.result } };
          };
          // An answer that read protected fields is served only once its audit entry is written.
          const audited = cache.peek(key);
          if (audited && audited.reads.length > 0 && (await auditKeptAnswer(contextValue, audited))) return serve(audited);
          // Otherwise the version is read first, so an answer computed across a concurrent change
          // is kept under the older version and never served. Unreadable (the database is down):
          // answered as without a cache, and nothing kept. A question that reads no data, such as a
          // probe's `{ __typename }`, still gets its answer.
          dataVersion = await readDataVersion(contextValue);
          if (dataVersion === undefined) return null;
          // An answer that read nothing protected needs no audit entry: served at the current version.
          // (An entry kept at an earlier version is dropped here.)
          const current = cache.get(key, dataVersion);
          return current && current.reads.length === 0 ? serve(current) : null;
        },
        async willSendResponse({ contextValue, response, errors }) {
          // The gateway's answer cache asks only for answers kept here to be confirmed (`confirmKeptAnswer`).
          const markKept = () => void response.http.headers.set(ANSWER_KEPT_HEADER, question!);
          if (servedFromCache) return markKept();
          if (key === undefined || dataVersion === undefined || !contextValue.responseCacheable) return;
          if (errors?.length || response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          if (!contextValue.reads.every((read) => cacheable(requirements.get(read.coordinate)))) return;
          const kept = keepAnswerText(response.body.singleResult as Record<string, unknown>);
          if (kept && cache.set(key, { dataVersion, result: kept.standIn, reads: contextValue.reads, bytes: kept.text.length })) markKept();
        },
      };
    },
  };
}
