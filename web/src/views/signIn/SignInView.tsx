import { useEffect, useState } from 'preact/hooks';
import { hrefOf, navigate, useRoute, type View } from '../../app/router';
import { signIn } from '../../app/session';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { fetchDevelopmentRoles, requestDevelopmentToken, type DevelopmentRoles } from './developmentRoles';

/** Paste a token from your agency's identity provider; in development, pick a role instead. */
export function SignInView() {
  const { t } = useI18n();
  const { params } = useRoute();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const [roles, setRoles] = useState<DevelopmentRoles>();
  const [role, setRole] = useState('planner');
  const [sector, setSector] = useState('');
  useEffect(() => {
    void fetchDevelopmentRoles().then((found) => {
      setRoles(found);
      if (found) setSector(found.sectors[0] ?? '');
    });
  }, []);
  const next = params.get('next');
  const done = () => navigate(hrefOf(next && /^[a-z-]+$/.test(next) ? (next as View) : 'map'));
  const onPaste = (event: Event) => {
    event.preventDefault();
    if (signIn(token)) done();
    else setError(t('signIn.invalidToken'));
  };
  const needsSector = roles?.roles.find((r) => r.role === role)?.needsSector ?? false;
  const onPick = async (event: Event) => {
    event.preventDefault();
    const issued = await requestDevelopmentToken(role, needsSector ? sector : undefined);
    if (issued && signIn(issued)) done();
    else setError(t('signIn.roleFailed'));
  };
  return (
    <div class="sign-in">
      <p>{t('signIn.intro')}</p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <form onSubmit={onPaste} class="card">
        <h2>{t('signIn.pasteTitle')}</h2>
        <label for="token">{t('signIn.tokenLabel')}</label>
        <textarea id="token" rows={4} value={token} onInput={(e) => setToken((e.currentTarget as HTMLTextAreaElement).value)} autoComplete="off" spellcheck={false} />
        <button type="submit">{t('signIn.submit')}</button>
      </form>
      {roles && (
        <form onSubmit={onPick} class="card" data-testid="role-picker">
          <h2>{t('signIn.devTitle')}</h2>
          <p>{t('signIn.devHelp')}</p>
          <label for="role">{t('signIn.role')}</label>
          <select id="role" value={role} onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value)}>
            {roles.roles.map((r) => (
              <option value={r.role} key={r.role}>
                {t(`role.${r.role}` as MessageKey)}
              </option>
            ))}
          </select>
          {needsSector && (
            <>
              <label for="sector">{t('signIn.sector')}</label>
              <select id="sector" value={sector} onChange={(e) => setSector((e.currentTarget as HTMLSelectElement).value)}>
                {roles.sectors.map((s) => (
                  <option value={s} key={s}>
                    {s}
                  </option>
                ))}
              </select>
            </>
          )}
          <button type="submit">{t('signIn.pick')}</button>
        </form>
      )}
    </div>
  );
}
