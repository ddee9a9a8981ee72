import { useTranslation } from 'react-i18next';
import {
  Expander,
  ExpanderContent,
  ExpanderTitleButton,
  Heading,
  Paragraph,
  StaticChip,
} from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { useOutboxEmails } from './queries';

const statusKeys = ['pending', 'sent', 'kept', 'failed'] as const;
type KnownStatus = (typeof statusKeys)[number];
const isKnownStatus = (s: string): s is KnownStatus =>
  (statusKeys as readonly string[]).includes(s);

export function EmailOutboxPage() {
  const { t } = useTranslation('admin');
  const { slug } = useMunicipality();
  const emails = useOutboxEmails(slug);
  const language = currentLanguage();
  usePageTitle(t('emails.title'));

  return (
    <>
      <Heading variant="h1" mb="s">
        {t('emails.title')}
      </Heading>
      <Paragraph mb="m">{t('emails.intro')}</Paragraph>
      {emails.isPending && <Loading text={t('loading')} />}
      {emails.isError && <ErrorAlert error={emails.error} />}
      {emails.data?.items.length === 0 && <Paragraph>{t('emails.empty')}</Paragraph>}
      <div className="email-list">
        {emails.data?.items.map((email) => (
          <Expander key={email.id} mb="s">
            <ExpanderTitleButton asHeading="h2">
              {email.subject}
              <span className="email-list__meta">
                {' '}
                – {email.to}, {formatDateTime(email.createdAt, language)}
              </span>
            </ExpanderTitleButton>
            <ExpanderContent>
              <Paragraph mb="xs">
                <StaticChip>
                  {isKnownStatus(email.status) ? t(`emails.status.${email.status}`) : email.status}
                </StaticChip>
              </Paragraph>
              <dl className="contact-list">
                <dt>{t('emails.to')}</dt>
                <dd>{email.to}</dd>
                <dt>{t('emails.createdAt')}</dt>
                <dd>{formatDateTime(email.createdAt, language)}</dd>
                <dt>{t('emails.sentAt')}</dt>
                <dd>{email.sentAt ? formatDateTime(email.sentAt, language) : '–'}</dd>
              </dl>
              <pre className="email-text">{email.text}</pre>
            </ExpanderContent>
          </Expander>
        ))}
      </div>
    </>
  );
}
