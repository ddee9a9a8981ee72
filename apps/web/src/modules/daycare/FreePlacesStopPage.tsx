import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { isApiError } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { useSubscriptionByToken, type TokenResult } from './free-places.queries';
import './daycare.css';

/**
 * Where every free-place alert links to: opening the page stops that subscription, with no
 * login and nothing more to click. The stop is a POST this page sends once it has loaded, so
 * a mail system that fetches the link (GET) to scan it stops nothing. The page says what was
 * stopped and can take it back with one button.
 */
export function FreePlacesStopPage() {
  const { t } = useTranslation('freePlaces');
  const { slug } = useMunicipality();
  const { token = '' } = useParams();
  usePageTitle(t('stop.title'));
  const stop = useSubscriptionByToken(slug, token, false);
  const undo = useSubscriptionByToken(slug, token, true);
  // Once per page load (React's development mode runs effects twice).
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    stop.mutate();
  }, [stop]);

  const what = (r: TokenResult) => `${r.unit.name}, ${t(`ageGroup.${r.ageGroup}`)}`;
  const result: TokenResult | undefined = undo.data ?? stop.data;

  return (
    <div className="page daycare free-places">
      <Heading variant="h1" mb="s">
        {t('stop.title')}
      </Heading>
      {stop.isPending && <Loading text={t('stop.working')} />}
      {stop.isError &&
        (isApiError(stop.error, 404) || isApiError(stop.error, 400) ? (
          <Paragraph mb="m">{t('stop.unknown')}</Paragraph>
        ) : (
          <ErrorAlert error={stop.error} />
        ))}
      {result && (
        <>
          <SuccessAlert>
            {result.subscribed
              ? t('stop.continued', { what: what(result) })
              : t('stop.done', { what: what(result) })}
          </SuccessAlert>
          {!result.subscribed && (
            <Button
              variant="secondary"
              disabled={undo.isPending}
              onClick={() => undo.mutate()}
              className="form-submit"
            >
              {t('stop.undo')}
            </Button>
          )}
          {undo.isError && <ErrorAlert error={undo.error} />}
        </>
      )}
      <p>
        <Link to={`/${slug}/daycare/free-places`}>{t('stop.listLink')}</Link>
      </p>
    </div>
  );
}
