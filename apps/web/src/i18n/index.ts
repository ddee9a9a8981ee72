import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type fiCommon from './fi/common.json';
import type fiPlatform from './fi/platform.json';
import type fiAdmin from './fi/admin.json';
import type fiBookings from './fi/bookings.json';
import type fiShop from './fi/shop.json';
import type fiCourses from './fi/courses.json';
import type fiOrganisations from './fi/organisations.json';
import type fiDaycare from './fi/daycare.json';
import type fiMessages from './fi/messages.json';
import type fiPush from './fi/push.json';
import type fiFreePlaces from './fi/freePlaces.json';
import type fiDiscussions from './fi/discussions.json';
import type fiPortfolio from './fi/portfolio.json';
import type fiCases from './fi/cases.json';
import type fiPortfolioImport from './fi/portfolioImport.json';
import type fiExperimentDetails from './fi/experimentDetails.json';
import type fiJournal from './fi/journal.json';
import type fiIdeaAttachments from './fi/ideaAttachments.json';
import type fiExperimentOutcome from './fi/experimentOutcome.json';
import type fiPortfolioViews from './fi/portfolioViews.json';

export const languages = ['fi', 'sv', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'helppo.lang';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

/** The language the user picked explicitly, if any. */
export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Private browsing may forbid storage; the choice then lasts for this page load only.
  }
}

function browserLanguage(): Language {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag?.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'fi';
}

export const currentLanguage = (): Language =>
  isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fi';

// Every module adds its own src/i18n/<lang>/<module>.json; they are picked up here.
const files = import.meta.glob<Record<string, unknown>>('./*/*.json', {
  eager: true,
  import: 'default',
});
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, content] of Object.entries(files)) {
  const [, language, namespace] = /^\.\/(\w+)\/(\w+)\.json$/.exec(path) ?? [];
  if (!language || !namespace) continue;
  (resources[language] ??= {})[namespace] = content;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof fiCommon;
      platform: typeof fiPlatform;
      admin: typeof fiAdmin;
      bookings: typeof fiBookings;
      shop: typeof fiShop;
      courses: typeof fiCourses;
      organisations: typeof fiOrganisations;
      daycare: typeof fiDaycare;
      messages: typeof fiMessages;
      push: typeof fiPush;
      freePlaces: typeof fiFreePlaces;
      discussions: typeof fiDiscussions;
      portfolio: typeof fiPortfolio;
      cases: typeof fiCases;
      portfolioImport: typeof fiPortfolioImport;
      experimentDetails: typeof fiExperimentDetails;
      journal: typeof fiJournal;
      ideaAttachments: typeof fiIdeaAttachments;
      experimentOutcome: typeof fiExperimentOutcome;
      portfolioViews: typeof fiPortfolioViews;
    };
  }
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage() ?? browserLanguage(),
  fallbackLng: 'fi',
  supportedLngs: languages,
  defaultNS: 'common',
  ns: Object.keys(resources.fi ?? {}),
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
  showSupportNotice: false,
});

export default i18n;
