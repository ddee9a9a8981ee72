import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Link, Paragraph, TextInput } from 'suomifi-ui-components';
import { ErrorAlert } from '../../app/feedback';
import { useCreateCalendarFeed } from '../bookings/queries';

/**
 * The person's private calendar feed (the bookings module's: one secret address carries the
 * bookings and the family's daycare calendar). The address is shown once, when created: the
 * server keeps only its hash, and a new address replaces the old one.
 */
export function FamilyFeed({ slug }: { slug: string }) {
  const { t } = useTranslation('discussions');
  const create = useCreateCalendarFeed(slug);
  const [copyStatus, setCopyStatus] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const webcalUrl = create.data?.webcalUrl;

  useEffect(() => {
    if (webcalUrl) inputRef.current?.focus();
  }, [webcalUrl]);

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
    <section aria-labelledby="family-feed-heading" className="form-section">
      <Heading variant="h2" id="family-feed-heading" mb="s">
        {t('feed.heading')}
      </Heading>
      <Paragraph mb="s">{t('feed.intro')}</Paragraph>
      <Paragraph mb="m">{t('feed.privacy')}</Paragraph>
      {create.isError && <ErrorAlert error={create.error} />}
      <Button
        variant="secondary"
        disabled={create.isPending}
        onClick={() => {
          setCopyStatus('');
          create.mutate();
        }}
      >
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
