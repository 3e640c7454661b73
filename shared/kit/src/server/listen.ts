import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ApolloServer, BaseContext, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';
import { atMost, gracefulClose, answerClientErrors, HttpRefusal, readBoundedBody, refuseMethod, refusalBody, sendRefusal } from '@cswb/contract/http';
import { ExecutionBudgetExceededError } from '@cswb/contract/limits';
import { withinExecutionBudget } from './executionBudget';
import { ErrorCode } from '@cswb/contract/errors';
import { CONFIRM_PATH, type AnswerConfirmation, type AssertionKind } from '@cswb/contract/trust';
import { defaultLogger, describeError, requestLogger, runWithLogContext, traceIdOf, type LogContext, type Logger } from '@cswb/contract/logging';

export interface ListeningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** An error that refuses a request before it is parsed, with its HTTP status and `extensions.code`. */
interface RefusalError extends Error {
  status: number;
  extensions?: { code?: unknown };
}

export interface ListenOptions<TContext extends BaseContext, TAdmission = undefined> {
  port: number;
  host?: string;
  /** Serve HTTPS with these options (e.g. mutual TLS); plain HTTP when omitted. */
  tls?: https.ServerOptions;
  /**
   * Decides, from the connection, headers and raw body (the query string of a GET), whether a
   * GraphQL request is executed at all, before anything of it is parsed; throws an error with a
   * `status` to refuse it. `kind`: `confirmation` for a POST to `CONFIRM_PATH`.
   */
  admit?: (request: http.IncomingMessage, body: Buffer, kind: AssertionKind) => Promise<TAdmission>;
  context: (request: http.IncomingMessage, admission: TAdmission) => Promise<TContext> | TContext;
  /**
   * Answers `POST CONFIRM_PATH` (admitted as a confirmation, its body parsed as JSON) with
   * `{"confirmed": …}`: whether an answer the gateway already gave is still kept for the caller
   * (`confirmKeptAnswer`). Throws an `HttpRefusal` to refuse it. Without it, that path is 404.
   */
  confirm?: (request: http.IncomingMessage, admission: TAdmission, body: unknown) => Promise<boolean>;
  /** Answers GET /readiness: 200 when true; 503 with the error's message as `reason` when false or it throws. */
  ready?: () => Promise<boolean>;
  /** Milliseconds in-flight requests get to finish on close before their sockets are destroyed (default 10 s). */
  shutdownGraceMs?: number;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number;
  /** Runs around each GraphQL request's execution (e.g. a tracing scope). */
  aroundRequest?: <T>(execute: () => Promise<T>) => Promise<T>;
  /** Milliseconds after which a GraphQL request is answered 503 EXECUTION_BUDGET_EXCEEDED, whatever it still waits for; 0: none. */
  executionBudgetMs?: number;
  /** Where a request's unexpected failure is logged, with its request id (`requestIdOf` its admission); default JSON lines on stdout. */
  log?: Logger;
  requestIdOf?: (admission: TAdmission) => string | undefined;
}

function refusal(response: http.ServerResponse, error: RefusalError): void {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'BAD_REQUEST';
  send(response, error.status, JSON.stringify({ errors: [{ message: error.message, extensions: { code } }] }));
}

function send(response: http.ServerResponse, status: number, body: string, type = 'application/json'): void {
  response.writeHead(status, { 'content-type': type });
  response.end(body);
}

/** Serves an Apollo Server over `node:http` (or `node:https`), with `/health` and `/readiness`. */
export async function listen<TContext extends BaseContext, TAdmission = undefined>(
  server: ApolloServer<TContext>,
  options: ListenOptions<TContext, TAdmission>,
): Promise<ListeningServer> {
  await server.start();
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const log = options.log ?? defaultLogger('cswb-subgraph');
  // Every line logged while serving a request names its trace and, once admitted, its request id.
  const handler: http.RequestListener = (request, response) => {
    const traceparent = request.headers.traceparent;
    const logContext: LogContext = { traceId: traceIdOf(Array.isArray(traceparent) ? traceparent[0] : traceparent) };
    const started = performance.now();
    response.once('finish', () => {
      if (!request.url?.startsWith('/graphql')) return;
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      requestLogger(log, { requestId: logContext.requestId, traceparent }).debug({ status: response.statusCode, durationMs }, 'graphql request');
    });
    return runWithLogContext(logContext, () => serve(request, response, logContext));
  };
  const serve = async (request: http.IncomingMessage, response: http.ServerResponse, logContext: LogContext) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let admitted: { admission: TAdmission } | undefined;
    try {
      if (url.pathname === '/health') return send(response, 200, '{"status":"ok"}');
      if (url.pathname === '/readiness') {
        let reason: string | undefined;
        const ready = options.ready ? await options.ready().catch((error: Error) => ((reason = error.message), false)) : true;
        return send(response, ready ? 200 : 503, JSON.stringify({ status: ready ? 'ready' : 'unavailable', ...(reason ? { reason } : {}) }));
      }
      const confirming = url.pathname === CONFIRM_PATH && options.confirm !== undefined;
      if (url.pathname !== '/graphql' && !confirming) return send(response, 404, '{"error":"not found"}');
      if (confirming && request.method !== 'POST') {
        throw new HttpRefusal(405, ErrorCode.METHOD_NOT_ALLOWED, `answers are confirmed with POST, not ${request.method}`, { allow: 'POST' });
      }
      refuseMethod(request, ['GET', 'POST']);
      const raw = request.method === 'POST' ? await readBoundedBody(request, maxBodyBytes) : Buffer.alloc(0);
      let admission: TAdmission;
      try {
        admission = options.admit ? await options.admit(request, request.method === 'POST' ? raw : Buffer.from(url.search), confirming ? 'confirmation' : 'fetch') : (undefined as TAdmission);
        admitted = { admission };
        logContext.requestId = options.requestIdOf?.(admission);
      } catch (error) {
        if (typeof (error as RefusalError).status === 'number') return refusal(response, error as RefusalError);
        throw error;
      }
      let body: unknown = undefined;
      if (raw.length > 0 || confirming) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return send(response, 400, refusalBody(ErrorCode.BAD_REQUEST, 'request body is not valid JSON'));
        }
      }
      if (confirming) {
        const answer: AnswerConfirmation = { confirmed: await options.confirm!(request, admission, body) };
        return send(response, 200, JSON.stringify(answer));
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const graphqlRequest: HTTPGraphQLRequest = { method: request.method ?? 'GET', headers, search: url.search, body };
      const execute = () =>
        server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: graphqlRequest,
          context: async () => options.context(request, admission),
        });
      let result: Awaited<ReturnType<typeof execute>>;
      try {
        result = await withinExecutionBudget(options.executionBudgetMs ?? 0, () => (options.aroundRequest ? options.aroundRequest(execute) : execute()));
      } catch (error) {
        if (!(error instanceof ExecutionBudgetExceededError)) throw error;
        return send(response, 503, JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.extensions.code, budgetMs: error.extensions.budgetMs } }] }));
      }
      for (const [key, value] of result.headers) response.setHeader(key, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      if (error instanceof HttpRefusal) return sendRefusal(request, response, error);
      // Anything else is the subgraph's fault: logged, and answered without its message (no internals).
      const requestId = admitted && options.requestIdOf?.(admitted.admission);
      requestLogger(log, { requestId, traceparent: request.headers.traceparent }).error({ error: describeError(error) }, 'request failed');
      sendRefusal(request, response, new HttpRefusal(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error'));
    }
  };
  const httpServer = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
  httpServer.keepAliveTimeout = 65_000;
  const closeHttpServer = gracefulClose(httpServer);
  answerClientErrors(httpServer);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    port,
    url: `${options.tls ? 'https' : 'http'}://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`,
    close: async () => {
      const graceMs = options.shutdownGraceMs ?? 10_000;
      await closeHttpServer(graceMs);
      await atMost(1000, server.stop());
    },
  };
}
