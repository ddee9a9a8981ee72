import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useParams } from 'react-router-dom';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { isApiError, type ResourceDetails } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { NotFoundPage } from '../platform/NotFoundPage';
import { useSession } from '../platform/queries';
import { BookingPanel } from './BookingPanel';
import { FacilityFacts } from './FacilityFacts';
import { TermsSection } from './FacilityTerms';
import { staffRoles } from './kinds';
import { APPROVED_PAYMENT_DAYS, HOLD_MINUTES } from './price';
import { useResource } from './queries';
import { formatClock, formatDuration, weekdayName } from './time';
import './bookings.css';

function OpeningHours({ resource }: { resource: ResourceDetails }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  return (
    <section aria-labelledby="hours-heading" className="form-section">
      <Heading variant="h2" id="hours-heading" mb="s">
        {t('facility.openingHours')}
      </Heading>
      <dl className="facts opening-hours">
        {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
          const hours = resource.openingHours.filter((h) => h.weekday === weekday);
          return [
            <dt key={`d${weekday}`}>{weekdayName(weekday, language)}</dt>,
            <dd key={`h${weekday}`}>
              {hours.length
                ? hours
                    .map(
                      (h) => `${formatClock(h.opens, language)}–${formatClock(h.closes, language)}`,
                    )
                    .join(', ')
                : t('facility.closed')}
            </dd>,
          ];
        })}
      </dl>
      <Paragraph>{t('facility.hoursNote')}</Paragraph>
    </section>
  );
}

/** Lengths and how far ahead; for a priced facility also when to pay and the refund rule. */
function BookingRules({ resource, visitor }: { resource: ResourceDetails; visitor: boolean }) {
  const { t } = useTranslation('bookings');
  const { slot } = resource;
  const priced = resource.pricePerHourCents !== null && resource.pricePerHourCents > 0;
  return (
    <>
      <Paragraph mb="m">
        {t('facility.rules', {
          min: formatDuration(slot.minMinutes),
          max: formatDuration(slot.maxMinutes),
          count: slot.bookAheadDays,
        })}{' '}
        {slot.bufferMinutes > 0 &&
          t('facility.buffer', { duration: formatDuration(slot.bufferMinutes) })}
      </Paragraph>
      {priced && (
        <Paragraph mb="m">
          {resource.bookingMode === 'instant'
            ? t('facility.payNow', { count: HOLD_MINUTES })
            : t('facility.payAfterApproval', { count: APPROVED_PAYMENT_DAYS })}{' '}
          {t('facility.cancellation', { count: resource.cancelFreeHours })}
        </Paragraph>
      )}
      {visitor && resource.pricePerHourCents !== 0 && (
        <Paragraph mb="m">{t('facility.visitorPrice')}</Paragraph>
      )}
    </>
  );
}

export function FacilityPage() {
  const { t } = useTranslation('bookings');
  const { slug } = useMunicipality();
  const { resourceId = '' } = useParams();
  const session = useSession(slug);
  const resource = useResource(slug, resourceId);
  const language = currentLanguage();
  const data = resource.data;
  const signedIn = Boolean(session.data?.user);
  const staff = Boolean(session.data?.roles.some((role) => staffRoles.includes(role)));
  usePageTitle(data ? data.name[language] : t('search.title'));

  if (resource.isError && (isApiError(resource.error, 404) || isApiError(resource.error, 400))) {
    return <NotFoundPage />;
  }
  return (
    <div className="page facility-page">
      <Paragraph mb="s">
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/facilities`}>
          {t('facility.back')}
        </RouterLink>
      </Paragraph>
      {resource.isPending && <Loading text={t('loading')} />}
      {resource.isError && <ErrorAlert error={resource.error} />}
      {data && (
        <>
          <Heading variant="h1" mb="s">
            {data.name[language]}
          </Heading>
          <Paragraph mb="m" className="lead">
            {data.description[language]}
          </Paragraph>
          <div className="facility-page__info">
            <section aria-labelledby="details-heading" className="form-section">
              <Heading variant="h2" id="details-heading" mb="s">
                {t('facility.details')}
              </Heading>
              <FacilityFacts resource={data} signedIn={signedIn} />
              <BookingRules resource={data} visitor={session.isSuccess && !signedIn} />
            </section>
            <OpeningHours resource={data} />
          </div>
          {data.terms && <TermsSection terms={data.terms} />}
          {staff && (
            <Paragraph mb="m">
              <RouterLink asComponent={RouterDomLink} to={`/${slug}/admin/facilities/${data.id}`}>
                {t('facilityAdmin.manage')}
              </RouterLink>
            </Paragraph>
          )}
          {session.isSuccess && <BookingPanel slug={slug} resource={data} signedIn={signedIn} />}
        </>
      )}
    </div>
  );
}
