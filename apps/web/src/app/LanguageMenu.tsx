import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LanguageMenu, LanguageMenuItem } from 'suomifi-ui-components';
import { api } from '../api/client';
import { currentLanguage, languages, rememberLanguage, type Language } from '../i18n';
import { useSession } from '../modules/platform/queries';

const nativeNames: Record<Language, string> = {
  fi: 'Suomeksi',
  sv: 'På svenska',
  en: 'In English',
};

export function AppLanguageMenu({ slug }: { slug?: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession(slug);
  const language = currentLanguage();
  const signedIn = Boolean(slug && session.data?.user);

  async function choose(next: Language) {
    rememberLanguage(next);
    await i18n.changeLanguage(next);
    if (slug && signedIn) {
      // The server also keeps the choice, e.g. for the language of e-mails.
      await api.setLanguage(slug, next).catch(() => undefined);
    }
    await queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] !== 'municipality' && q.queryKey[0] !== 'session',
    });
  }

  return (
    <LanguageMenu
      buttonText={language.toUpperCase()}
      aria-label={t('language.menuLabel', { language: nativeNames[language] })}
      className="app-language-menu"
    >
      {languages.map((lang) => (
        <LanguageMenuItem
          key={lang}
          lang={lang}
          selected={lang === language}
          onSelect={() => void choose(lang)}
        >
          {nativeNames[lang]} ({lang.toUpperCase()})
        </LanguageMenuItem>
      ))}
    </LanguageMenu>
  );
}
