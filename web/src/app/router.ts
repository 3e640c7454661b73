import { createStore, useStore } from './store';

/** Every view of the app, by its path. */
export const VIEWS = ['map', 'profile', 'compare', 'risk', 'scorecard', 'services', 'situation-table', 'sign-in'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View | 'not-found';
  /** The view's state: what the URL says, so a URL restores the view. */
  params: URLSearchParams;
}

function parse(location: Location): Route {
  const path = location.pathname.replace(/\/+$/, '') || '/map';
  const view = path.slice(1);
  return { view: (VIEWS as readonly string[]).includes(view) ? (view as View) : 'not-found', params: new URLSearchParams(location.search) };
}

const routeStore = createStore<Route>(parse(window.location));
window.addEventListener('popstate', () => routeStore.set(parse(window.location)));

export function useRoute(): Route {
  return useStore(routeStore);
}

/** The URL of a view with its state; the language is kept across views. */
export function hrefOf(view: View, params: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  const lang = routeStore.get().params.get('lang');
  if (lang) search.set('lang', lang);
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, value);
  const query = search.toString();
  return `/${view}${query ? `?${query}` : ''}`;
}

export function navigate(href: string): void {
  window.history.pushState(null, '', href);
  routeStore.set(parse(window.location));
  window.scrollTo(0, 0);
}

/** Changes the current view's state in place (replaces the history entry: no back-button trail of every click). */
export function setParams(changes: Record<string, string | undefined>, options: { push?: boolean } = {}): void {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  const href = `${window.location.pathname}${query ? `?${query}` : ''}`;
  if (options.push) window.history.pushState(null, '', href);
  else window.history.replaceState(null, '', href);
  routeStore.set(parse(window.location));
}

/** A link that navigates inside the app without reloading it. */
export function onLinkClick(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(anchor.getAttribute('href')!);
}
