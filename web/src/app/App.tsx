import { useEffect } from 'preact/hooks';
import { useRequestsInFlight } from '../api/useQuery';
import { LANGUAGES, useI18n } from '../i18n';
import type { MessageKey } from '../i18n';
import { CompareView } from '../views/compare/CompareView';
import { MapView } from '../views/map/MapView';
import { ProfileView } from '../views/profile/ProfileView';
import { RiskView } from '../views/risk/RiskView';
import { ScorecardView } from '../views/scorecard/ScorecardView';
import { ServicesView } from '../views/services/ServicesView';
import { SignInView } from '../views/signIn/SignInView';
import { SituationTableView } from '../views/situationTable/SituationTableView';
import { hrefOf, onLinkClick, setParams, useRoute, type View } from './router';
import { signOut, useSession } from './session';

const NAVIGATION: View[] = ['map', 'profile', 'compare', 'risk', 'scorecard', 'services', 'situation-table'];

const VIEW_COMPONENTS: Record<View, () => preact.JSX.Element> = {
  map: MapView,
  profile: ProfileView,
  compare: CompareView,
  risk: RiskView,
  scorecard: ScorecardView,
  services: ServicesView,
  'situation-table': SituationTableView,
  'sign-in': SignInView,
};

export function App() {
  const route = useRoute();
  const i18n = useI18n();
  const session = useSession();
  const busy = useRequestsInFlight() > 0;
  const { t } = i18n;
  const title = route.view === 'not-found' ? t('notFound') : t(`nav.${route.view}` as MessageKey);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = `${title} · ${t('appName')}`;
  }, [i18n.language, title]);
  const Current = route.view === 'not-found' ? undefined : VIEW_COMPONENTS[route.view];
  const otherLanguage = LANGUAGES.find((language) => language !== i18n.language)!;
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="app-header">
        <div class="brand">
          <a href={hrefOf('map')} onClick={onLinkClick} class="app-name">
            {t('appName')}
          </a>
          <span class="tagline">{t('appTagline')}</span>
        </div>
        <div class="header-tools">
          <span class="session" data-testid="session">
            {session.token ? t('session.signedIn', { subject: session.subject ?? '?' }) : t('session.public')}
          </span>
          {session.token ? (
            <button type="button" class="secondary" onClick={signOut}>
              {t('session.signOut')}
            </button>
          ) : (
            <a href={hrefOf('sign-in')} onClick={onLinkClick} class="button-link">
              {t('nav.sign-in')}
            </a>
          )}
          <button type="button" class="secondary" lang={otherLanguage} aria-label={t('language.switchLabel')} onClick={() => setParams({ lang: otherLanguage })} data-testid="language-switch">
            {t('language.switch')}
          </button>
        </div>
      </header>
      <nav aria-label={t('nav.label')} class="app-nav">
        <ul>
          {NAVIGATION.map((view) => (
            <li key={view}>
              <a href={hrefOf(view)} onClick={onLinkClick} aria-current={route.view === view ? 'page' : undefined}>
                {t(`nav.${view}` as MessageKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} aria-busy={busy ? 'true' : 'false'}>
        <h1>{title}</h1>
        {Current ? <Current /> : <p>{t('notFound')}</p>}
      </main>
    </>
  );
}
