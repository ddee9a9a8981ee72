import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { SkipLink } from 'suomifi-ui-components';
import type { Municipality } from '../api/client';
import { Footer } from './Footer';
import { Header } from './Header';
import { MunicipalityContext } from './MunicipalityContext';

/** The page frame: skip link, header, main landmark and footer. */
export function AppShell({
  municipality = null,
  children,
}: {
  municipality?: Municipality | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);

  // After client-side navigation, move focus to the new page's heading so that screen reader
  // and keyboard users start from the new content, as after a full page load.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    const target = heading ?? mainRef.current;
    if (!target) return;
    target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <MunicipalityContext.Provider value={municipality}>
      <SkipLink href="#main">{t('skipToContent')}</SkipLink>
      <div className="app">
        <Header municipality={municipality} />
        <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
          {children}
        </main>
        <Footer municipality={municipality} />
      </div>
    </MunicipalityContext.Provider>
  );
}
