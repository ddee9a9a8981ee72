import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, ToggleInput, VisuallyHidden } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import type { Channel, NotificationPreferences, Topic } from './api';
import { pushSupported } from './device';
import {
  useDeviceSubscription,
  useDisableDevice,
  useEnableDevice,
  usePreferences,
  useUpdatePreference,
} from './queries';
import './push.css';

const CHANNELS: Channel[] = ['email', 'push'];

/** "Turn on notifications on this device": the browser's permission and push subscription. */
function ThisDevice({ slug, devices }: { slug: string; devices: number }) {
  const { t } = useTranslation('push');
  const device = useDeviceSubscription(slug);
  const enable = useEnableDevice(slug);
  const disable = useDisableDevice(slug);
  const supported = pushSupported();
  const subscribed = device.data?.subscribed ?? false;
  const working = enable.isPending || disable.isPending;
  return (
    <section className="push-device" aria-labelledby="push-device-heading">
      <Heading variant="h2" id="push-device-heading" mb="xs">
        {t('device.heading')}
      </Heading>
      {!supported ? (
        <Paragraph mb="s">{t('device.unsupported')}</Paragraph>
      ) : (
        <>
          <Paragraph mb="s" role="status">
            {subscribed ? t('device.on') : t('device.off')}
            {devices > 0 && ` ${t('device.count', { count: devices })}`}
          </Paragraph>
          {(enable.data === 'denied' || enable.data === 'failed') && (
            <Paragraph mb="s" role="alert">
              {t(`device.${enable.data}`)}
            </Paragraph>
          )}
          {subscribed ? (
            <Button variant="secondary" disabled={working} onClick={() => disable.mutate()}>
              {working ? t('device.working') : t('device.disable')}
            </Button>
          ) : (
            <Button disabled={working} onClick={() => enable.mutate()}>
              {working ? t('device.working') : t('device.enable')}
            </Button>
          )}
        </>
      )}
      {enable.isError && <ErrorAlert error={enable.error} />}
      {disable.isError && <ErrorAlert error={disable.error} />}
    </section>
  );
}

/** A table of topics × (email, push) switches; each switch is saved at once. */
function TopicTable({ slug, data }: { slug: string; data: NotificationPreferences }) {
  const { t } = useTranslation('push');
  const update = useUpdatePreference(slug);
  const [saved, setSaved] = useState(false);
  const pending = update.isPending ? update.variables : undefined;
  const value = (topic: Topic, channel: Channel, stored: boolean) =>
    pending?.topic === topic && pending.channel === channel ? pending.enabled : stored;
  return (
    <section aria-labelledby="push-topics-heading">
      <Heading variant="h2" id="push-topics-heading" mb="xs">
        {t('topics.heading')}
      </Heading>
      <table className="push-topics">
        <caption>
          <VisuallyHidden>{t('topics.caption')}</VisuallyHidden>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('topics.topic')}</th>
            {CHANNELS.map((channel) => (
              <th scope="col" key={channel}>
                {t(`topics.${channel}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.topics.map((row) => (
            <tr key={row.topic}>
              <th scope="row">{t(`topics.names.${row.topic}`)}</th>
              {CHANNELS.map((channel) => (
                <td key={channel}>
                  <ToggleInput
                    checked={value(row.topic, channel, row[channel])}
                    disabled={update.isPending}
                    onChange={(enabled) => {
                      setSaved(false);
                      update.mutate(
                        { topic: row.topic, channel, enabled },
                        { onSuccess: () => setSaved(true) },
                      );
                    }}
                  >
                    <VisuallyHidden>
                      {t('topics.toggle', {
                        topic: t(`topics.names.${row.topic}`),
                        channel: t(`topics.${channel}`),
                      })}
                    </VisuallyHidden>
                  </ToggleInput>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Paragraph className="push-topics__status" role="status">
        {saved ? t('topics.saved') : ''}
      </Paragraph>
      {update.isError && <ErrorAlert error={update.error} />}
      <Paragraph mt="s">{t('topics.pushNote')}</Paragraph>
    </section>
  );
}

export function NotificationSettingsPage() {
  const { t } = useTranslation('push');
  const { slug } = useMunicipality();
  const preferences = usePreferences(slug);
  usePageTitle(t('title').replaceAll('\u00ad', ''));
  return (
    <div className="page push-settings">
      <Heading variant="h1" mb="s">
        {t('title')}
      </Heading>
      <Paragraph mb="m">{t('intro')}</Paragraph>
      {preferences.isPending && <Loading text={t('loading')} />}
      {preferences.isError && <ErrorAlert error={preferences.error} />}
      {preferences.data && (
        <>
          <ThisDevice slug={slug} devices={preferences.data.pushDevices} />
          <TopicTable slug={slug} data={preferences.data} />
        </>
      )}
    </div>
  );
}
