import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Heading, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { api, oidcLoginUrl } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage, storedLanguage } from '../../i18n';
import { useLogin, useSession } from './queries';

/** Only paths inside this municipality are accepted as a return address (no open redirect). */
export function safeReturnTo(value: string | null, slug: string): string {
  const home = `/${slug}/`;
  if (!value || !value.startsWith(home) || value.startsWith('//')) return home;
  if (value.startsWith(`/${slug}/login`)) return home;
  return value;
}

export function LoginPage() {
  const { t, i18n } = useTranslation('platform');
  const municipality = useMunicipality();
  const slug = municipality.slug;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession(slug);
  const login = useLogin(slug);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const returnTo = safeReturnTo(params.get('returnTo'), slug);
  usePageTitle(t('login.title'));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!email.trim() || !password) return;
    const result = await login.mutateAsync({ email: email.trim(), password }).catch(() => null);
    if (!result?.user) return;
    // An explicit choice made before logging in wins; otherwise use the person's own language.
    const chosen = storedLanguage();
    if (chosen && chosen !== result.user.language) {
      await api.setLanguage(slug, chosen).catch(() => undefined);
    } else if (!chosen && result.user.language !== currentLanguage()) {
      await i18n.changeLanguage(result.user.language);
    }
    await navigate(returnTo, { replace: true });
  }

  if (session.data?.user) {
    return (
      <div className="page page--narrow">
        <Heading variant="h1" mb="m">
          {t('login.title')}
        </Heading>
        <Paragraph mb="m">{t('login.already', { name: session.data.user.name })}</Paragraph>
        <RouterLink asComponent={RouterDomLink} to={returnTo}>
          {t('login.continue')}
        </RouterLink>
      </div>
    );
  }

  const emailMissing = touched && !email.trim();
  const passwordMissing = touched && !password;

  return (
    <div className="page page--narrow">
      <Heading variant="h1" mb="m">
        {t('login.title')}
      </Heading>
      {session.data?.oidcEnabled && (
        <section aria-labelledby="oidc-heading" className="login-section">
          <Heading variant="h3" as="h2" id="oidc-heading" mb="xs">
            {t('login.oidcHeading')}
          </Heading>
          <Paragraph mb="s">{t('login.oidcIntro')}</Paragraph>
          <a className="button-link" href={oidcLoginUrl(slug, returnTo)}>
            {t('login.oidcButton')}
          </a>
        </section>
      )}
      <section aria-labelledby="password-heading" className="login-section">
        <Heading variant="h3" as="h2" id="password-heading" mb="xs">
          {t('login.passwordHeading')}
        </Heading>
        {login.isError && <ErrorAlert error={login.error} />}
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <TextInput
            labelText={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={(v) => setEmail(String(v ?? ''))}
            status={emailMissing ? 'error' : 'default'}
            statusText={emailMissing ? t('login.emailRequired') : undefined}
            fullWidth
            mb="m"
          />
          <TextInput
            labelText={t('login.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(v) => setPassword(String(v ?? ''))}
            status={passwordMissing ? 'error' : 'default'}
            statusText={passwordMissing ? t('login.passwordRequired') : undefined}
            fullWidth
            mb="m"
          />
          {login.isPending ? (
            <Button type="submit" loading ariaLoadingText={t('login.submitting')}>
              {t('login.submit')}
            </Button>
          ) : (
            <Button type="submit">{t('login.submit')}</Button>
          )}
        </form>
      </section>
    </div>
  );
}
