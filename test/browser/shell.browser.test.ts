import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations, forgetConsoleProblems, screenshot, TOKEN_STORAGE_KEY, useBrowserHub } from './support';

// The app's shell (layout, navigation, language, sign-in) against a real hub; nothing here
// depends on what a view shows below its heading.

const NAVIGATION = ['map', 'profile', 'compare', 'risk', 'scorecard', 'services', 'situation-table'] as const;
type NavigationView = (typeof NAVIGATION)[number];

// The shell's words as a reader should see them (written out here rather than read from the app's
// catalogues, so a swapped or untranslated entry fails).
const en = {
  appName: 'CSWB hub',
  appTagline: 'Community Safety and Well-Being planning data, shared across sectors',
  skipToContent: 'Skip to content',
  'nav.map': 'Map',
  'nav.profile': 'Area profile',
  'nav.compare': 'Compare areas',
  'nav.risk': 'Risk analysis',
  'nav.scorecard': 'Plan scorecard',
  'nav.services': 'Services and gaps',
  'nav.situation-table': 'Situation Tables',
  'nav.sign-in': 'Sign in',
  'language.switch': 'Français',
  'language.switchLabel': 'Afficher en français',
  notFound: 'There is no such page.',
  'session.public': 'Public viewer',
  'session.signedIn': 'Signed in as {subject}',
  'session.signOut': 'Sign out',
  'signIn.submit': 'Sign in',
  'signIn.invalidToken': 'That is not a valid, unexpired token.',
  'signIn.pick': 'Sign in as this role',
};
type Catalogue = typeof en;
const fr: Catalogue = {
  appName: 'Carrefour SBEC',
  appTagline: 'Données de planification de la sécurité et du bien-être dans la collectivité, partagées entre secteurs',
  skipToContent: 'Passer au contenu',
  'nav.map': 'Carte',
  'nav.profile': 'Profil du secteur',
  'nav.compare': 'Comparer des secteurs',
  'nav.risk': 'Analyse des risques',
  'nav.scorecard': 'Tableau de bord du plan',
  'nav.services': 'Services et lacunes',
  'nav.situation-table': 'Tables de concertation',
  'nav.sign-in': 'Se connecter',
  'language.switch': 'English',
  'language.switchLabel': 'Show in English',
  notFound: 'Cette page n’existe pas.',
  'session.public': 'Visiteur public',
  'session.signedIn': 'Connecté en tant que {subject}',
  'session.signOut': 'Se déconnecter',
  'signIn.submit': 'Se connecter',
  'signIn.invalidToken': 'Ce jeton n’est pas valide ou a expiré.',
  'signIn.pick': 'Se connecter avec ce rôle',
};
const enSignIn = en;
const heading = (catalogue: Catalogue, view: NavigationView | 'sign-in') => catalogue[`nav.${view}`];

// Every page a test opens ends without a console error or a failed request (useBrowserHub checks).
const hub = useBrowserHub('shell');
const open = hub.open;

const h1 = (page: Page) => page.locator('main h1');
const session = (page: Page) => page.getByTestId('session');
const storedToken = (page: Page) => page.evaluate((key) => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem(key), TOKEN_STORAGE_KEY);
const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');
const subjectOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { sub: string }).sub;

/** Waits (a few seconds at most) for the element to read exactly `text`, then says what it reads if not. */
async function shows(locator: Locator, text: string): Promise<void> {
  const exactly = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await locator.filter({ hasText: exactly }).first().waitFor({ timeout: 5_000 }).catch(() => undefined);
  await expect(locator.first().textContent()).resolves.toBe(text);
}

/** Each piece of text in the header, after checking there is no other text in it. */
async function headerWords(page: Page): Promise<string[]> {
  const header = page.locator('header.app-header');
  const words = (await header.locator('a, span, button').allTextContents()).map((text) => text.trim());
  expect(((await header.textContent()) ?? '').replace(/\s+/g, '')).toBe(words.join('').replace(/\s+/g, ''));
  return words;
}

/** The words the shell shows around every view: header, navigation, skip link, the view's heading. */
async function shellWords(page: Page): Promise<string[]> {
  return [
    (await page.locator('.skip-link').textContent()) ?? '',
    ...(await headerWords(page)),
    ...(await page.locator('nav.app-nav a').allInnerTexts()).map((text) => text.trim()),
    (await h1(page).innerText()).trim(),
  ];
}

function expectedShellWords(catalogue: Catalogue, view: NavigationView): string[] {
  return [
    catalogue.skipToContent,
    catalogue.appName,
    catalogue.appTagline,
    catalogue['session.public'],
    catalogue['nav.sign-in'],
    catalogue['language.switch'],
    ...NAVIGATION.map((v) => heading(catalogue, v)),
    heading(catalogue, view),
  ];
}

async function expectCurrent(page: Page, view: NavigationView, catalogue: Catalogue = en): Promise<void> {
  await shows(h1(page), heading(catalogue, view));
  const current = page.locator('nav.app-nav a[aria-current="page"]');
  await expect(current.count()).resolves.toBe(1);
  await expect(current.textContent()).resolves.toBe(heading(catalogue, view));
  await expect(current.getAttribute('href')).resolves.toMatch(new RegExp(`^/${view}(\\?|$)`));
}

describe('navigation', () => {
  it('opens the map view at /', async () => {
    const page = await open('/');
    await expectCurrent(page, 'map');
    await expect(page.title()).resolves.toBe(`${en['nav.map']} · ${en.appName}`);
  });

  it('reaches every view from the navigation links, each with its heading and aria-current, without reloading the app', async () => {
    const page = await open('/map');
    await page.evaluate(() => ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true));
    for (const view of [...NAVIGATION].reverse()) {
      await page.locator('nav.app-nav').getByRole('link', { name: heading(en, view), exact: true }).click();
      await expect(page.waitForURL((url) => url.pathname === `/${view}`)).resolves.toBeUndefined();
      await expectCurrent(page, view);
    }
    await expect(page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).resolves.toBe(true);
    await page.goBack();
    await expect(page.waitForURL((url) => url.pathname === `/${NAVIGATION[1]}`)).resolves.toBeUndefined();
    await expectCurrent(page, NAVIGATION[1]);
  });

  it.each(NAVIGATION.map((view) => [view]))('keeps the %s view (and its URL state) when its URL is reloaded', async (view) => {
    const page = await open(`/${view}?lang=fr&probe=1`);
    await expectCurrent(page, view, fr);
    await page.reload();
    await h1(page).waitFor();
    await expectCurrent(page, view, fr);
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.get('lang'), url.searchParams.get('probe')]).toEqual([`/${view}`, 'fr', '1']);
  });

  it('says there is no such page for an unknown path, with no view current', async () => {
    const page = await open('/no-such-view');
    await shows(h1(page), en.notFound);
    await expect(page.locator('nav.app-nav a[aria-current]').count()).resolves.toBe(0);
  });
});

describe('language', () => {
  it('turns every shell string to French with the switch, keeps French across views, and back', async () => {
    const page = await open('/map');
    await expect(shellWords(page)).resolves.toEqual(expectedShellWords(en, 'map'));
    await expect(htmlLang(page)).resolves.toBe('en');

    await page.getByTestId('language-switch').click();
    await expect(page.waitForURL((url) => url.searchParams.get('lang') === 'fr')).resolves.toBeUndefined();
    await shows(h1(page), fr['nav.map']);
    await expect(shellWords(page)).resolves.toEqual(expectedShellWords(fr, 'map'));
    await expect(htmlLang(page)).resolves.toBe('fr');
    await expect(page.getByTestId('language-switch').getAttribute('aria-label')).resolves.toBe(fr['language.switchLabel']);
    await expect(page.title()).resolves.toBe(`${fr['nav.map']} · ${fr.appName}`);

    await page.locator('nav.app-nav').getByRole('link', { name: fr['nav.risk'], exact: true }).click();
    await expect(page.waitForURL((url) => url.pathname === '/risk' && url.searchParams.get('lang') === 'fr')).resolves.toBeUndefined();
    await shows(h1(page), fr['nav.risk']);
    await expect(shellWords(page)).resolves.toEqual(expectedShellWords(fr, 'risk'));

    await page.getByTestId('language-switch').click();
    await expect(page.waitForURL((url) => url.searchParams.get('lang') === 'en')).resolves.toBeUndefined();
    await shows(h1(page), en['nav.risk']);
    await expect(shellWords(page)).resolves.toEqual(expectedShellWords(en, 'risk'));
    await expect(htmlLang(page)).resolves.toBe('en');
  });

  it('opens in French from ?lang=fr in a fresh page', async () => {
    const page = await open('/compare?lang=fr');
    await expect(htmlLang(page)).resolves.toBe('fr');
    await expect(shellWords(page)).resolves.toEqual(expectedShellWords(fr, 'compare'));
    await screenshot(page, 'shell-compare-fr');
  });
});

describe('signing in', () => {
  it('signs in with a pasted token from the hub, showing its subject, and signs out back to public', async () => {
    const page = await open('/sign-in');
    await shows(session(page), en['session.public']);
    const token = await hub.token('planner');
    await page.locator('#token').fill(token);
    await page.getByRole('button', { name: enSignIn['signIn.submit'], exact: true }).click();
    await expect(page.waitForURL((url) => url.pathname === '/map')).resolves.toBeUndefined();
    await shows(session(page), en['session.signedIn'].replace('{subject}', subjectOf(token)));
    await expect(storedToken(page)).resolves.toBe(token);

    await page.getByRole('button', { name: en['session.signOut'], exact: true }).click();
    await shows(session(page), en['session.public']);
    await expect(storedToken(page)).resolves.toBeNull();
    await expect(page.locator('header').getByRole('link', { name: en['nav.sign-in'], exact: true }).count()).resolves.toBe(1);
    // Signed out stays signed out on reload.
    await page.reload();
    await h1(page).waitFor();
    await shows(session(page), en['session.public']);
  });

  it('refuses a garbage token with the error and stays public', async () => {
    const page = await open('/sign-in');
    await page.locator('#token').fill('not.a-token.at-all');
    await page.getByRole('button', { name: enSignIn['signIn.submit'], exact: true }).click();
    await shows(page.getByRole('alert'), enSignIn['signIn.invalidToken']);
    await shows(session(page), en['session.public']);
    await expect(storedToken(page)).resolves.toBeNull();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('says to sign in again, and shows no figure, when the hub refuses a token the browser took (a forged signature)', async () => {
    const real = await hub.token('planner');
    const [header, payload] = real.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the hub signature, not at all').toString('base64url')}`;
    const page = await open('/sign-in');
    await page.locator('#token').fill(forged);
    await page.getByRole('button', { name: enSignIn['signIn.submit'], exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/map');
    const refused = page.getByTestId('session-refused').first();
    await shows(refused, 'The hub did not accept your token (expired or not valid here): sign in again. Sign in');
    await expect(page.locator('main table, [data-testid="choropleth"]').count()).resolves.toBe(0);
    await refused.getByRole('link', { name: en['nav.sign-in'], exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    // The browser logs each refused request (HTTP 401): provoked here, and nothing else is let go of.
    forgetConsoleProblems(page, /status of 401/);
  });

  it('signs in as a planner with the development role picker, and returns to the view it was asked from', async () => {
    const page = await open('/sign-in?next=scorecard');
    const picker = page.getByTestId('role-picker');
    await picker.locator('#role').selectOption('planner');
    await picker.getByRole('button', { name: enSignIn['signIn.pick'], exact: true }).click();
    await expect(page.waitForURL((url) => url.pathname === '/scorecard')).resolves.toBeUndefined();
    const token = await storedToken(page);
    expect(token).toEqual(expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/));
    const claims = JSON.parse(Buffer.from(token!.split('.')[1], 'base64url').toString('utf8')) as { sub: string; scope: string };
    expect(claims.scope.split(' ')).toContain('aggregates:read');
    await shows(session(page), en['session.signedIn'].replace('{subject}', claims.sub));
  });

  it('opens a page signed in by the harness, the same way', async () => {
    const page = await open('/map', { role: 'situation-table' });
    const token = await storedToken(page);
    await shows(session(page), en['session.signedIn'].replace('{subject}', subjectOf(token!)));
  });
});

describe('accessibility', () => {
  it('lets the keyboard reach the skip link first, and Enter on it moves focus to the main content', async () => {
    const page = await open('/map');
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => {
      const element = (globalThis as unknown as { document: { activeElement: { tagName: string; id: string; textContent: string | null } | null } }).document.activeElement;
      return element && { tag: element.tagName.toLowerCase(), id: element.id, text: element.textContent };
    });
    await expect(focused()).resolves.toEqual({ tag: 'a', id: '', text: en.skipToContent });
    await expect(page.locator('.skip-link').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(focused()).resolves.toMatchObject({ tag: 'main', id: 'main' });
    await expectCurrent(page, 'map');
  });

  // The views' own content is checked by each view's test: here the shell around it, in both languages.
  const cases = (['en', 'fr'] as const).flatMap((lang) => [...NAVIGATION, 'sign-in' as const].map((view) => [view, lang] as const));
  it.each(cases)('has no WCAG 2.1 AA violation (axe-core) in the shell of the %s view in %s', async (view, lang) => {
    const page = await open(`/${view}`, { lang });
    await shows(h1(page), heading(lang === 'fr' ? fr : en, view));
    await expectNoAxeViolations(page, view === 'sign-in' ? {} : { exclude: ['main > :not(h1)'] });
  });

  it('has no violation on the sign-in view signed in, with focus visible on the navigation', async () => {
    const page = await open('/sign-in', { role: 'planner', lang: 'fr' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expectNoAxeViolations(page);
  });
});
