import type { ComponentChildren } from 'preact';
import type { QueryState } from '../api/useQuery';
import { hrefOf, onLinkClick } from '../app/router';
import { useI18n } from '../i18n';

/** Loading and failure as every view shows them; the children render once data is there. */
export function QueryStatus<T>({ state, children }: { state: QueryState<T>; children: (data: T | null, state: Extract<QueryState<T>, { status: 'done' }>) => ComponentChildren }) {
  const { t } = useI18n();
  if (state.status === 'loading') return <p role="status" class="loading">{t('loading')}</p>;
  if (state.status === 'failed') return <p role="alert" class="error">{t('failed', { message: state.message })}</p>;
  // The hub refused the token itself (expired, revoked, not its issuer's): nothing is shown for it.
  if (state.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    return (
      <p role="alert" class="error" data-testid="session-refused">
        {t('session.expired')}{' '}
        <a href={hrefOf('sign-in')} onClick={onLinkClick}>
          {t('nav.sign-in')}
        </a>
      </p>
    );
  }
  const refused = state.errors.find((e) => e.extensions?.code === 'BAD_USER_INPUT' || e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
  return (
    <>
      {refused && <p role="alert" class="error">{t('errors.input', { message: refused.message })}</p>}
      {children(state.data, state)}
    </>
  );
}
