import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '@cswb/cli';
import { startTestStack, TestStack } from '@cswb/testing/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('graphiql');
});
afterAll(async () => {
  await stack?.stop();
});

describe('the GraphQL IDE at the gateway', () => {
  it('is served to a browser from the gateway itself, with no CDN, and the documented queries preloaded', async () => {
    const response = await fetch(stack.gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/);
    expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr\.net/);
    const documented = fs.readdirSync(path.join(PROJECT_ROOT, 'docs', 'queries')).filter((f) => f.endsWith('.graphql'));
    for (const file of documented) {
      const firstOperation = /(query|mutation) (\w+)/.exec(fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'queries', file), 'utf8'));
      if (firstOperation) expect(html).toContain(firstOperation[2]);
    }
  });

  it('still answers GraphQL clients on the same path', async () => {
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ areas(kind: MUNICIPALITY) { id } }' }),
    });
    expect(await response.json()).toEqual({ data: { areas: [{ id: 'lakeshore' }] } });
  });
});
