import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { InlineAlert, Paragraph, RouterLink } from 'suomifi-ui-components';
import type { Course, CourseRegistration } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../shop/money';
import { formatWhen } from './format';

/** What happened to each child: a seat held for payment, a confirmed seat, a waitlist place. */
export function resultText(r: CourseRegistration, t: TFunction<'courses'>) {
  const language = currentLanguage();
  const child = r.child.firstName;
  switch (r.status) {
    case 'held':
      return t('result.held', {
        child,
        price: formatMoney(r.priceCents, language),
        time: r.heldUntil ? formatWhen(r.heldUntil, language) : '',
      });
    case 'confirmed':
      return t('result.confirmed', { child });
    case 'waitlisted':
      return t('result.waitlisted', { child, position: r.waitlistPosition ?? '–' });
    default:
      return t(`status.${r.status}`);
  }
}

/**
 * The results of a registration, one line per child. Seats held for payment lead to the cart
 * (they are there already), with the time they are kept.
 */
export function RegistrationResults(props: {
  results: CourseRegistration[];
  course: Course;
  slug: string;
}) {
  const { results, course, slug } = props;
  const { t } = useTranslation('courses');
  const held = results.filter((r) => r.status === 'held');
  return (
    <InlineAlert
      status="neutral"
      role="status"
      labelText={t('result.title', { course: course.name[currentLanguage()] })}
      mb="m"
      className="registration-results"
    >
      <ul className="registration-results__list">
        {results.map((r) => (
          <li key={r.id}>{resultText(r, t)}</li>
        ))}
      </ul>
      {held.length > 0 && (
        <Paragraph mb="xs">
          <RouterLink
            asComponent={RouterDomLink}
            to={`/${slug}/shop/cart`}
            className="registration-results__pay"
          >
            {t('result.toCart', { count: course.holdMinutes })}
          </RouterLink>
        </Paragraph>
      )}
      <Paragraph>
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/courses/mine`}>
          {t('result.mine')}
        </RouterLink>
      </Paragraph>
    </InlineAlert>
  );
}
