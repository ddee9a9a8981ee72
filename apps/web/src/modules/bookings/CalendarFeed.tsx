import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Link, Paragraph, TextInput } from 'suomifi-ui-components';
import { ErrorAlert } from '../../app/feedback';
import { useCreateCalendarFeed } from './queries';

/**
 * The person's private calendar feed (webcal): one secret address carries their bookings and
 * their family's daycare calendar; `namespace` words it for the page it is on. The address is
 * shown once, when it is created: the server keeps only its hash, and a new address replaces
 * the old one.
 */
export function CalendarFeed({
  slug,
  namespace = 'bookings',
}: {
  slug: string;
  namespace?: 'bookings' | 'discussions';
}) {
  const { t } = useTranslation(namespace);
  const create = useCreateCalendarFeed(slug);
  const [copyStatus, setCopyStatus] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const webcalUrl = create.data?.webcalUrl;

  // A new address: the keyboard focus goes to it (the field selects its text on focus).
  useEffect(() => {
    if (webcalUrl) inputRef.current?.focus();
  }, [webcalUrl]);

  const onCreate = () => {
    setCopyStatus('');
    create.mutate();
  };

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopyStatus(t('feed.copied'));
    } catch {
      inputRef.current?.select();
      setCopyStatus(t('feed.copyFailed'));
    }
  }

  return (
    <section aria-labelledby={`${namespace}-feed-heading`} className="form-section">
      <Heading variant="h2" id={`${namespace}-feed-heading`} mb="s">
        {t('feed.heading')}
      </Heading>
      <Paragraph mb="s">{t('feed.intro')}</Paragraph>
      <Paragraph mb="m">{t('feed.privacy')}</Paragraph>
      {create.isError && <ErrorAlert error={create.error} />}
      <Button variant="secondary" disabled={create.isPending} onClick={onCreate}>
        {t('feed.create')}
      </Button>
      {webcalUrl && (
        <div className="feed-result">
          <TextInput
            ref={inputRef}
            labelText={t('feed.address')}
            hintText={t('feed.addressHint')}
            value={webcalUrl}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            fullWidth
            mb="s"
          />
          <div className="button-row">
            <Button onClick={() => void copy(webcalUrl)}>{t('feed.copy')}</Button>
            <Link href={webcalUrl} className="feed-result__open">
              {t('feed.open')}
            </Link>
          </div>
        </div>
      )}
      <div role="status" className="feed-result__status">
        {copyStatus && <Paragraph mt="s">{copyStatus}</Paragraph>}
      </div>
    </section>
  );
}
