import { useTranslation } from 'react-i18next';
import { InlineAlert, LoadingSpinner } from 'suomifi-ui-components';
import { ApiError } from '../api/client';

export function Loading({ text }: { text: string }) {
  return (
    <div className="page loading">
      <LoadingSpinner status="loading" text={text} variant="normal" textAlign="right" />
    </div>
  );
}

/** Shows an API problem's translated detail (or title); other errors get a generic text. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message =
    error instanceof ApiError
      ? (error.problem.detail ?? error.problem.title ?? t('errors.generic'))
      : t('errors.network');
  return (
    <InlineAlert status="error" labelText={t('errors.label')} mb="m">
      {message}
    </InlineAlert>
  );
}

export function SuccessAlert({ children }: { children: string }) {
  return (
    <InlineAlert status="neutral" mb="m" role="status">
      {children}
    </InlineAlert>
  );
}
