import type { Browser } from 'playwright-core';
import { issueDevelopmentToken, readAuthConfig, type Role } from '@cswb/contract/auth';
import { envPrefix } from '@cswb/contract/config';
import { findChromium } from '../chromium';
import { discoverSubgraphs } from '../discoverSubgraphs';
import { startStack } from '../startStack';
import type { BenchOptions, BenchSuite } from './BenchSuite';
import { benchChildEnv } from './benchHelpers';
import { describeMachine } from './machine';
import { formatRatio, formatSpread, spreadOf } from './repeatedRuns';
import { randomBytes } from 'node:crypto';

/** The page is interactive: its requests are in and no view still says it is loading. */
const READY = () => {
  const main = document.querySelector('main');
  return !!main && main.getAttribute('aria-busy') === 'false' && !main.querySelector('.loading') && !!main.querySelector('h1');
};

interface ViewCase {
  label: string;
  role: Role;
  path: (areas: AreaIds) => string;
  baseline?: boolean;
}

interface AreaIds {
  neighbourhood: string;
  wards: string[];
}

/** Every view a planner opens, and the app shell with no data as the baseline. */
const VIEWS: ViewCase[] = [
  { label: 'app shell, no data (sign-in view): baseline', role: 'planner', path: () => '/sign-in', baseline: true },
  { label: 'map: one indicator by neighbourhood', role: 'planner', path: () => '/map?kind=neighbourhood' },
  { label: 'map: one indicator by ward', role: 'planner', path: () => '/map?kind=ward' },
  { label: 'area profile of a neighbourhood, beside its ward and the city', role: 'planner', path: (a) => `/profile?area=${a.neighbourhood}` },
  { label: 'compare three wards', role: 'planner', path: (a) => `/compare?areas=${a.wards.slice(0, 3).join(',')}` },
  { label: 'risk analysis (default indicators)', role: 'planner', path: () => '/risk' },
  { label: 'plan scorecard', role: 'planner', path: () => '/scorecard' },
  { label: 'services and gaps', role: 'planner', path: () => '/services' },
  { label: 'Situation Table analytics (perturbed, as a planner sees them)', role: 'planner', path: () => '/situation-table' },
];

const TARGET_MS = 1500;

/**
 * Each view of the web app opened in headless Chromium against the whole hub as `npm start` runs
 * it (one process) on the chosen data: milliseconds from navigation to interactive (its requests in,
 * nothing loading), a fresh browser context per run (no cache, no shared answers).
 */
export const webSuite: BenchSuite = {
  id: 'web',
  title: 'web app: each view interactive after navigation, in headless Chromium',
  async run(options: BenchOptions): Promise<string> {
    let executablePath: string;
    try {
      executablePath = findChromium();
    } catch (error) {
      options.log(`bench: web: ${(error as Error).message}`);
      return `### The web app's views\n\nNot measured: ${(error as Error).message}.\n`;
    }
    const secret = randomBytes(32).toString('hex');
    const env: NodeJS.ProcessEnv = { ...benchChildEnv(options.size, secret), PORT: '0', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'error' };
    // Every port chosen by the system: the bench must not collide with a hub already running.
    for (const { definition } of discoverSubgraphs()) env[`${envPrefix(definition.name)}_PORT`] = '0';
    const stack = await startStack({ env, quiet: true });
    const { chromium } = await import('playwright-core');
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
      const origin = new URL(stack.gateway.url).origin;
      const auth = readAuthConfig({ ...env, JWT_DEV_SECRET: secret });
      const tokens = new Map<Role, string>();
      const tokenFor = async (role: Role) => {
        if (!tokens.has(role)) tokens.set(role, await issueDevelopmentToken(auth, { role, ttlSeconds: 3600 }));
        return tokens.get(role)!;
      };
      const areas = await areaIds(stack.gateway.url, await tokenFor('planner'));
      const runs = options.smoke ? 1 : Math.max(options.repeats, 5);
      const rows: { label: string; times: number[]; baseline?: boolean }[] = [];
      for (const view of VIEWS) {
        const times: number[] = [];
        // One unmeasured visit first: the hub's first request of a shape warms its caches (p-tables, plans).
        for (let run = 0; run <= runs; run++) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          const token = await tokenFor(view.role);
          await context.addInitScript((value: string) => sessionStorage.setItem('cswb.token', value), token);
          const page = await context.newPage();
          await page.goto(`${origin}${view.path(areas)}`, { waitUntil: 'commit' });
          await page.waitForFunction(READY, undefined, { polling: 'raf', timeout: 30_000 });
          const ms = await page.evaluate(() => performance.now());
          // A view that answered with an error is not a measurement of the view.
          const alert = await page.locator('main [role=alert]').first().textContent({ timeout: 50 }).catch(() => null);
          if (alert) throw new Error(`${view.path(areas)} shows an error: ${alert}`);
          if (run > 0) times.push(ms);
          await context.close();
        }
        rows.push({ label: view.label, times, baseline: view.baseline });
        options.log(`bench: web: ${view.label}: ${spreadOf(times).median.toFixed(0)} ms`);
      }
      const baseline = spreadOf(rows.find((r) => r.baseline)!.times).median;
      const table = rows.map((row) => {
        const spread = spreadOf(row.times);
        return `| ${row.label} | ${formatSpread(spread, 0)} | ${formatRatio(spread.median, baseline)} | ${spread.max <= TARGET_MS ? 'yes' : '**no**'} |`;
      });
      return [
        `### The web app's views on \`${options.size}\` data, in headless Chromium`,
        '',
        `${describeMachine()}; \`${options.size}\` data; the hub as \`npm start\` runs it (one process), headless Chromium from Debian, 1280×900, signed in as a planner. Milliseconds from navigation to interactive: every request the view makes answered and nothing on the page still loading; a fresh browser context (no cache) per run, ${runs} runs after one unmeasured visit, median (min–max). Target: ${TARGET_MS} ms (issue 16).`,
        '',
        '| view | ms to interactive | vs app shell | within 1.5 s every run |',
        '|---|---|---|---|',
        ...table,
        '',
        'Run with `npm run bench -- --only web --size city --write`.',
      ].join('\n');
    } finally {
      await browser?.close();
      await stack.close();
    }
  },
};

async function areaIds(graphqlUrl: string, token: string): Promise<AreaIds> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ wards: areas(kind: WARD) { id } neighbourhoods: areas(kind: NEIGHBOURHOOD) { id } }' }),
  });
  const { data } = (await response.json()) as { data: { wards: { id: string }[]; neighbourhoods: { id: string }[] } };
  return { neighbourhood: data.neighbourhoods[0].id, wards: data.wards.map((w) => w.id) };
}
