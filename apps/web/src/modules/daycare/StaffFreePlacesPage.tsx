import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDateWithYear } from '../courses/format';
import { RecordFreePlacesForm } from './RecordFreePlacesForm';
import { useEndFreePlaces, useStaffFreePlaces } from './free-places.queries';
import './daycare.css';

/**
 * The unit's staff (administrators: every unit) record free places, which alerts the
 * subscribers at once, and end a record when the places are taken.
 */
export function StaffFreePlacesPage() {
  const { t } = useTranslation('freePlaces');
  const language = currentLanguage();
  const { slug } = useMunicipality();
  const view = useStaffFreePlaces(slug);
  const endPlaces = useEndFreePlaces(slug);
  const [done, setDone] = useState('');
  const noticeRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('staff.title'));
  const units = view.data?.units ?? [];
  const show = (text: string) => {
    setDone(text);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };

  return (
    <div className="page daycare free-places">
      <Heading variant="h1" mb="s">
        {t('staff.title')}
      </Heading>
      <Paragraph mb="m">{t('staff.intro')}</Paragraph>
      {view.isPending && <Loading text={t('loading')} />}
      {view.isError && <ErrorAlert error={view.error} />}
      {view.isSuccess && units.length === 0 && <Paragraph>{t('staff.noUnits')}</Paragraph>}
      <div ref={noticeRef} tabIndex={-1} className="notice-focus">
        {done && <SuccessAlert>{done}</SuccessAlert>}
        {endPlaces.isError && <ErrorAlert error={endPlaces.error} />}
      </div>
      {units.length > 0 && (
        <section aria-labelledby="record-heading" className="form-section">
          <Heading variant="h2" id="record-heading" mb="s">
            {t('record.heading')}
          </Heading>
          <RecordFreePlacesForm slug={slug} units={units} onDone={show} />
        </section>
      )}
      {units.map((unit) => (
        <section key={unit.id} aria-labelledby={`unit-${unit.id}`} className="form-section">
          <Heading variant="h2" id={`unit-${unit.id}`} mb="s">
            {unit.name}
          </Heading>
          <p>{t('staff.subscribers', { count: unit.subscribers })}</p>
          {unit.freePlaces.length === 0 ? (
            <p>{t('list.none')}</p>
          ) : (
            <ul className="free-places__subscriptions">
              {unit.freePlaces.map((place) => {
                const text = `${t(`ageGroup.${place.ageGroup}`)}: ${t('list.places', {
                  count: place.places,
                  date: formatDateWithYear(place.fromDate, language),
                })}`;
                return (
                  <li key={place.id}>
                    <span>
                      {text}
                      {place.note && ` – ${place.note}`}
                      <br />
                      <small>{t('staff.notified', { count: place.notified })}</small>
                    </span>
                    <Button
                      variant="secondary"
                      aria-label={`${t('staff.end')}: ${text}`}
                      disabled={endPlaces.isPending}
                      onClick={() =>
                        void endPlaces
                          .mutateAsync(place.id)
                          .then(() => show(t('staff.ended', { what: text })))
                          .catch(() => show(''))
                      }
                    >
                      {t('staff.end')}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
