import { useTranslation } from 'react-i18next';
import { InlineAlert } from 'suomifi-ui-components';

/** A problem found in the browser before anything is sent. */
export function LocalError({ children }: { children: string }) {
  const { t } = useTranslation();
  return (
    <InlineAlert status="error" labelText={t('errors.label')} mb="s">
      {children}
    </InlineAlert>
  );
}
