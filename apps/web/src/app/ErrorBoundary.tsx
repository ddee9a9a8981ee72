import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { NotFoundPage } from '../modules/platform/NotFoundPage';
import { usePageTitle } from './usePageTitle';

/** What a crash looks like to the user; no technical details, a way forward instead. */
export function CrashMessage() {
  const { t } = useTranslation();
  usePageTitle(t('crash.title'));
  return (
    <div className="page">
      <Heading variant="h1">{t('crash.title')}</Heading>
      <Paragraph mb="m">{t('crash.body')}</Paragraph>
      <Button onClick={() => window.location.reload()}>{t('crash.reload')}</Button>
    </div>
  );
}

/** errorElement for the router: 404 responses become the not-found page. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return <CrashMessage />;
}

/** Last resort for errors outside the router (e.g. in providers). */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.failed ? (
      <main id="main" className="app-main">
        <CrashMessage />
      </main>
    ) : (
      this.props.children
    );
  }
}
