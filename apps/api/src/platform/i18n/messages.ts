/**
 * Server-side texts: error messages and emails, in every supported language. The web app
 * has its own texts; these are the ones the API itself says.
 */
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Messages = Record<string, string>;

const fi: Messages = {
  'error.validation': 'Tiedoissa on virheitä',
  'error.validation.detail': 'Tarkista korostetut kentät: {fields}.',
  'error.field.required': 'Pakollinen tieto puuttuu',
  'error.field.type': 'Väärän tyyppinen arvo',
  'error.field.tooLong': 'Liian pitkä arvo',
  'error.field.tooShort': 'Liian lyhyt arvo',
  'error.field.format': 'Virheellinen muoto',
  'error.field.unknown': 'Tuntematon kenttä',
  'error.field.invalid': 'Virheellinen arvo',
  'error.notFound': 'Ei löytynyt',
  'error.notFound.detail': 'Pyydettyä sivua tai tietoa ei löytynyt.',
  'error.municipalityNotFound': 'Kuntaa ei löytynyt',
  'error.municipalityNotFound.detail': 'Osoitteessa ei ole kuntaa nimellä "{slug}".',
  'error.unauthenticated': 'Kirjautuminen vaaditaan',
  'error.unauthenticated.detail': 'Kirjaudu sisään jatkaaksesi.',
  'error.forbidden': 'Ei käyttöoikeutta',
  'error.forbidden.detail': 'Sinulla ei ole oikeutta tähän toimintoon.',
  'error.csrf': 'Lomakkeen tarkiste puuttuu tai on vanhentunut',
  'error.csrf.detail': 'Lataa sivu uudelleen ja yritä uudestaan.',
  'error.invalidCredentials': 'Kirjautuminen epäonnistui',
  'error.invalidCredentials.detail': 'Sähköpostiosoite tai salasana on väärin.',
  'error.loginLocked': 'Liian monta epäonnistunutta yritystä',
  'error.loginLocked.detail':
    'Kirjautuminen on estetty hetkeksi. Yritä uudelleen {minutes} minuutin kuluttua.',
  'error.rateLimited': 'Liian monta pyyntöä',
  'error.rateLimited.detail': 'Odota hetki ja yritä uudelleen.',
  'error.personNotFound': 'Henkilöä ei löytynyt',
  'error.personNotFound.detail': 'Sähköpostiosoitteella ei löytynyt käyttäjää.',
  'error.oidcDisabled': 'Tunnistautuminen ei ole käytössä',
  'error.oidcDisabled.detail': 'Tässä palvelussa ei ole otettu käyttöön vahvaa tunnistautumista.',
  'error.oidcFailed': 'Tunnistautuminen epäonnistui',
  'error.oidcFailed.detail': 'Tunnistautumista ei voitu vahvistaa. Yritä uudelleen.',
  'error.payloadTooLarge': 'Pyyntö on liian suuri',
  'error.payloadTooLarge.detail': 'Lähetetty tieto ylittää sallitun koon.',
  'error.unsupportedMediaType': 'Tietomuotoa ei tueta',
  'error.unsupportedMediaType.detail': 'Lähetä tiedot JSON-muodossa.',
  'error.conflict': 'Tieto on jo olemassa',
  'error.conflict.detail': 'Sama tieto on jo tallennettu, eikä sitä voi tallentaa toiseen kertaan.',
  'error.badRequest': 'Virheellinen pyyntö',
  'error.badRequest.detail': 'Pyyntöä ei voitu käsitellä.',
  'error.internal': 'Palvelussa tapahtui virhe',
  'error.internal.detail': 'Yritä myöhemmin uudelleen. Virheen tunniste: {requestId}.',
  'email.notification.footer': 'Tämä viesti on lähetetty {municipality}n Helppo-palvelusta.',
};

const sv: Messages = {
  'error.validation': 'Uppgifterna innehåller fel',
  'error.validation.detail': 'Kontrollera de markerade fälten: {fields}.',
  'error.field.required': 'Obligatorisk uppgift saknas',
  'error.field.type': 'Värdet är av fel typ',
  'error.field.tooLong': 'Värdet är för långt',
  'error.field.tooShort': 'Värdet är för kort',
  'error.field.format': 'Felaktigt format',
  'error.field.unknown': 'Okänt fält',
  'error.field.invalid': 'Ogiltigt värde',
  'error.notFound': 'Hittades inte',
  'error.notFound.detail': 'Den begärda sidan eller uppgiften hittades inte.',
  'error.municipalityNotFound': 'Kommunen hittades inte',
  'error.municipalityNotFound.detail': 'Det finns ingen kommun med namnet "{slug}".',
  'error.unauthenticated': 'Inloggning krävs',
  'error.unauthenticated.detail': 'Logga in för att fortsätta.',
  'error.forbidden': 'Åtkomst nekad',
  'error.forbidden.detail': 'Du har inte behörighet till den här funktionen.',
  'error.csrf': 'Formulärets kontrollkod saknas eller har gått ut',
  'error.csrf.detail': 'Ladda om sidan och försök igen.',
  'error.invalidCredentials': 'Inloggningen misslyckades',
  'error.invalidCredentials.detail': 'E-postadressen eller lösenordet är fel.',
  'error.loginLocked': 'För många misslyckade försök',
  'error.loginLocked.detail': 'Inloggningen är spärrad en stund. Försök igen om {minutes} minuter.',
  'error.rateLimited': 'För många förfrågningar',
  'error.rateLimited.detail': 'Vänta en stund och försök igen.',
  'error.personNotFound': 'Personen hittades inte',
  'error.personNotFound.detail': 'Ingen användare hittades med e-postadressen.',
  'error.oidcDisabled': 'Identifiering används inte',
  'error.oidcDisabled.detail': 'Stark identifiering har inte tagits i bruk i den här tjänsten.',
  'error.oidcFailed': 'Identifieringen misslyckades',
  'error.oidcFailed.detail': 'Identifieringen kunde inte bekräftas. Försök igen.',
  'error.payloadTooLarge': 'Förfrågan är för stor',
  'error.payloadTooLarge.detail': 'De skickade uppgifterna överskrider den tillåtna storleken.',
  'error.unsupportedMediaType': 'Dataformatet stöds inte',
  'error.unsupportedMediaType.detail': 'Skicka uppgifterna i JSON-format.',
  'error.conflict': 'Uppgiften finns redan',
  'error.conflict.detail': 'Samma uppgift har redan sparats och kan inte sparas en gång till.',
  'error.badRequest': 'Ogiltig förfrågan',
  'error.badRequest.detail': 'Förfrågan kunde inte behandlas.',
  'error.internal': 'Ett fel inträffade i tjänsten',
  'error.internal.detail': 'Försök igen senare. Felets identifierare: {requestId}.',
  'email.notification.footer':
    'Det här meddelandet har skickats från Helppo-tjänsten i {municipality}.',
};

const en: Messages = {
  'error.validation': 'The data contains errors',
  'error.validation.detail': 'Check the highlighted fields: {fields}.',
  'error.field.required': 'Required value is missing',
  'error.field.type': 'Value is of the wrong type',
  'error.field.tooLong': 'Value is too long',
  'error.field.tooShort': 'Value is too short',
  'error.field.format': 'Invalid format',
  'error.field.unknown': 'Unknown field',
  'error.field.invalid': 'Invalid value',
  'error.notFound': 'Not found',
  'error.notFound.detail': 'The requested page or item was not found.',
  'error.municipalityNotFound': 'Municipality not found',
  'error.municipalityNotFound.detail': 'There is no municipality called "{slug}".',
  'error.unauthenticated': 'Login required',
  'error.unauthenticated.detail': 'Log in to continue.',
  'error.forbidden': 'Access denied',
  'error.forbidden.detail': 'You are not allowed to do this.',
  'error.csrf': 'The form check code is missing or has expired',
  'error.csrf.detail': 'Reload the page and try again.',
  'error.invalidCredentials': 'Login failed',
  'error.invalidCredentials.detail': 'The email address or password is wrong.',
  'error.loginLocked': 'Too many failed attempts',
  'error.loginLocked.detail': 'Login is blocked for a while. Try again in {minutes} minutes.',
  'error.rateLimited': 'Too many requests',
  'error.rateLimited.detail': 'Wait a moment and try again.',
  'error.personNotFound': 'Person not found',
  'error.personNotFound.detail': 'No user was found with that email address.',
  'error.oidcDisabled': 'Identification is not in use',
  'error.oidcDisabled.detail': 'Strong identification has not been enabled in this service.',
  'error.oidcFailed': 'Identification failed',
  'error.oidcFailed.detail': 'The identification could not be verified. Please try again.',
  'error.payloadTooLarge': 'The request is too large',
  'error.payloadTooLarge.detail': 'The data sent is larger than allowed.',
  'error.unsupportedMediaType': 'Unsupported data format',
  'error.unsupportedMediaType.detail': 'Send the data as JSON.',
  'error.conflict': 'Already exists',
  'error.conflict.detail': 'The same data has already been saved and cannot be saved twice.',
  'error.badRequest': 'Bad request',
  'error.badRequest.detail': 'The request could not be processed.',
  'error.internal': 'Something went wrong in the service',
  'error.internal.detail': 'Please try again later. Error reference: {requestId}.',
  'email.notification.footer': 'This message was sent by the Helppo service of {municipality}.',
};

export const messages: Record<Language, Messages> = { fi, sv, en };

export function translate(
  language: Language,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const template = messages[language][key] ?? messages.fi[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first supported language in an Accept-Language header, or undefined. */
export function languageFromHeader(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLanguage(base)) return base;
  }
  return undefined;
}
