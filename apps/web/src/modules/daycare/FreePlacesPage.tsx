import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDateWithYear } from '../courses/format';
import { useSession } from '../platform/queries';
import { FreePlaceSubscriptions } from './FreePlaceSubscriptions';
import { useFreePlaces, type FreePlaceUnit } from './free-places.queries';
import './daycare.css';

function UnitCard({ unit }: { unit: FreePlaceUnit }) {
  const { t } = useTranslation('freePlaces');
  const language = currentLanguage();
  return (
    <li className="free-places__unit">
      <Heading variant="h3" as="h3">
        {unit.name}
      </Heading>
      {unit.address && <p>{unit.address}</p>}
      {unit.freePlaces.length === 0 ? (
        <p className="free-places__none">{t('list.none')}</p>
      ) : (
        <ul className="free-places__places">
          {unit.freePlaces.map((place) => (
            <li key={place.id}>
              <strong>{t(`ageGroup.${place.ageGroup}`)}</strong>:{' '}
              {t('list.places', {
                count: place.places,
                date: formatDateWithYear(place.fromDate, language),
              })}
              {place.note && <span> – {place.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The free daycare places of every unit, for anyone; signed-in residents also subscribe here
 * to alerts of a unit's age group and see and remove their subscriptions.
 */
export function FreePlacesPage() {
  const { t } = useTranslation('freePlaces');
  const { slug } = useMunicipality();
  const location = useLocation();
  const session = useSession(slug);
  const places = useFreePlaces(slug);
  usePageTitle(t('title'));
  const signedIn = Boolean(session.data?.user);

  return (
    <div className="page daycare free-places">
      <Heading variant="h1" mb="s">
        {t('title')}
      </Heading>
      <Paragraph mb="m">{t('intro')}</Paragraph>
      <section aria-labelledby="free-now-heading" className="form-section">
        <Heading variant="h2" id="free-now-heading" mb="s">
          {t('list.heading')}
        </Heading>
        {places.isPending && <Loading text={t('loading')} />}
        {places.isError && <ErrorAlert error={places.error} />}
        {places.data && (
          <ul className="free-places__units">
            {places.data.units.map((unit) => (
              <UnitCard key={unit.id} unit={unit} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="alerts-heading" className="form-section">
        <Heading variant="h2" id="alerts-heading" mb="s">
          {t('alerts.heading')}
        </Heading>
        <Paragraph mb="s">{t('alerts.intro')}</Paragraph>
        {session.isSuccess && !signedIn && (
          <p>
            <Link to={`/${slug}/login?returnTo=${encodeURIComponent(location.pathname)}`}>
              {t('alerts.login')}
            </Link>
          </p>
        )}
        {signedIn && places.data && (
          <FreePlaceSubscriptions slug={slug} units={places.data.units} />
        )}
      </section>
    </div>
  );
}
