/**
 * Server-side texts: error messages and emails, in every supported language. The web app
 * has its own texts; these are the ones the API itself says.
 */
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Messages = Record<string, string>;

const fi: Messages = {
  'error.doorUnauthenticated': 'Oven tunniste puuttuu tai on väärä',
  'error.doorUnauthenticated.detail':
    'Lähetä oven ohjaimen tunniste Authorization-otsakkeessa muodossa "Bearer <tunniste>".',
  'error.notSelfService': 'Tila ei ole omatoimitila',
  'error.notSelfService.detail':
    'Ovia voi lisätä vain tiloihin, joihin pääsee varauksen PIN-koodilla. Merkitse tila ensin omatoimitilaksi.',
  'error.doorHasNoToken': 'Ovella ei ole tunnistetta',
  'error.doorHasNoToken.detail':
    'Vain noutavilla (HTTP) ovilla on tunniste. MQTT-ovet tunnistaa välittäjäpalvelin.',
  'error.grantNotFailed': 'Kulkuoikeus ei ole epäonnistunut',
  'error.grantNotFailed.detail': 'Vain epäonnistuneen kulkuoikeuden voi yrittää uudelleen.',
  'notification.accessPin': 'Oven PIN-koodi: {pin}. Koodi toimii {from} – {until}.',
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
  'error.slotTaken': 'Aika on jo varattu',
  'error.slotTaken.detail': 'Joku ehti varata ajan juuri ennen sinua. Valitse toinen aika.',
  'error.outsideOpeningHours': 'Tila ei ole auki valittuna aikana',
  'error.outsideOpeningHours.detail': 'Valitse aika tilan aukioloaikojen sisältä.',
  'error.invalidSlot': 'Varauksen pituus tai alkamisaika ei käy',
  'error.invalidSlot.detail':
    'Varauksen pitää alkaa {step} minuutin välein ja kestää {min}–{max} minuuttia.',
  'error.bookingWindow': 'Aikaa ei voi varata',
  'error.bookingWindow.detail': 'Varata voi vain tulevia aikoja, enintään {days} päivää etukäteen.',
  'error.notCancellable': 'Varausta ei voi perua',
  'error.notCancellable.detail': 'Varaus on jo alkanut, päättynyt tai peruttu.',
  'error.notRequested': 'Varaus on jo käsitelty',
  'error.notRequested.detail': 'Vain käsittelyä odottavan varauksen voi hyväksyä tai hylätä.',
  'notification.reservationConfirmed': 'Varauksesi on vahvistettu',
  'notification.reservationConfirmed.body': '{resource}, {time}.',
  'notification.reservationRequested': 'Varauspyyntösi on vastaanotettu',
  'notification.reservationRequested.body':
    '{resource}, {time}. Saat viestin, kun pyyntö on käsitelty.',
  'notification.reservationDenied': 'Varaustasi ei voitu hyväksyä',
  'notification.reservationDenied.body': '{resource}, {time}. Perustelu: {reason}',
  'notification.reservationCancelled': 'Varauksesi on peruttu',
  'notification.reservationCancelled.body': '{resource}, {time}. Perustelu: {reason}',
  'error.reportPeriod': 'Raportin aikaväli ei kelpaa',
  'error.reportPeriod.detail':
    'Valitse aikaväli, joka on enintään {days} päivää ja jonka alku on ennen loppua.',
  'error.resourceRules': 'Varaussäännöt eivät sovi yhteen',
  'error.resourceRules.detail':
    'Vähimmäispituuden pitää olla enintään enimmäispituus, ja molempien pitää olla aloitusvälin monikertoja.',
  'error.openingHours': 'Aukioloajat eivät kelpaa',
  'error.openingHours.detail':
    'Aukeamisajan pitää olla ennen sulkemisaikaa, eivätkä saman päivän ajat saa mennä päällekkäin.',
  'error.seriesLength': 'Toistuvan varauksen kesto ei kelpaa',
  'error.seriesLength.detail':
    'Toistuva varaus voi kattaa 1–{max} viikkoa. Tarkista viimeinen päivä.',
  'error.priceGroups': 'Hinnat eivät kelpaa',
  'error.priceGroups.detail': 'Kullekin asiakasryhmälle voi antaa vain yhden hinnan.',
  'error.notForSale': 'Tuotetta ei myydä sinulle',
  'error.notForSale.detail':
    'Tuotteella ei ole hintaa asiakasryhmällesi, tai sen myynti on päättynyt.',
  'error.quantity': 'Liian suuri määrä',
  'error.quantity.detail': 'Yhteen tilaukseen voi ottaa enintään {max} kappaletta.',
  'error.emptyCart': 'Ostoskori on tyhjä',
  'error.emptyCart.detail': 'Lisää koriin tuotteita ennen tilaamista.',
  'error.paymentSignature': 'Maksun tarkiste ei täsmää',
  'error.paymentSignature.detail': 'Maksun tietoja ei voitu varmentaa, joten maksua ei kirjattu.',
  'error.paymentProvider': 'Maksupalvelu ei vastaa',
  'error.paymentProvider.detail':
    'Maksua ei voitu aloittaa, koska maksupalveluun ei saatu yhteyttä. Yritä hetken kuluttua uudelleen.',
  'error.badRequest': 'Virheellinen pyyntö',
  'error.badRequest.detail': 'Pyyntöä ei voitu käsitellä.',
  'error.internal': 'Palvelussa tapahtui virhe',
  'error.internal.detail': 'Yritä myöhemmin uudelleen. Virheen tunniste: {requestId}.',
  'email.receipt.subject': 'Kuitti – tilaus {order}',
  'email.receipt.intro': 'Kiitos tilauksestasi! Maksu on vastaanotettu. – {municipality}',
  'email.receipt.total': 'Yhteensä {total}',
  'email.receipt.vat': 'ALV {rate} %: {vat} (veroton {net})',
  'email.notification.footer': 'Tämä viesti on lähetetty {municipality}n Helppo-palvelusta.',
};

const sv: Messages = {
  'error.doorUnauthenticated': 'Dörrens nyckel saknas eller är fel',
  'error.doorUnauthenticated.detail':
    'Skicka dörrstyrningens nyckel i Authorization-huvudet som "Bearer <nyckel>".',
  'error.notSelfService': 'Lokalen är inte en självbetjäningslokal',
  'error.notSelfService.detail':
    'Dörrar kan bara läggas till i lokaler som öppnas med bokningens PIN-kod. Markera först lokalen som självbetjäningslokal.',
  'error.doorHasNoToken': 'Dörren har ingen nyckel',
  'error.doorHasNoToken.detail':
    'Bara hämtande (HTTP) dörrar har en nyckel. MQTT-dörrar identifieras av förmedlingsservern.',
  'error.grantNotFailed': 'Passerrätten har inte misslyckats',
  'error.grantNotFailed.detail': 'Bara en misslyckad passerrätt kan försökas på nytt.',
  'notification.accessPin': 'Dörrens PIN-kod: {pin}. Koden gäller {from} – {until}.',
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
  'error.slotTaken': 'Tiden är redan bokad',
  'error.slotTaken.detail': 'Någon hann boka tiden strax före dig. Välj en annan tid.',
  'error.outsideOpeningHours': 'Lokalen är inte öppen vid den valda tiden',
  'error.outsideOpeningHours.detail': 'Välj en tid inom lokalens öppettider.',
  'error.invalidSlot': 'Bokningens längd eller starttid passar inte',
  'error.invalidSlot.detail':
    'Bokningen ska börja med {step} minuters intervall och vara {min}–{max} minuter lång.',
  'error.bookingWindow': 'Tiden kan inte bokas',
  'error.bookingWindow.detail': 'Du kan boka endast kommande tider, högst {days} dagar i förväg.',
  'error.notCancellable': 'Bokningen kan inte avbokas',
  'error.notCancellable.detail': 'Bokningen har redan börjat, slutat eller avbokats.',
  'error.notRequested': 'Bokningen har redan behandlats',
  'error.notRequested.detail':
    'Endast en bokning som väntar på behandling kan godkännas eller avslås.',
  'notification.reservationConfirmed': 'Din bokning har bekräftats',
  'notification.reservationConfirmed.body': '{resource}, {time}.',
  'notification.reservationRequested': 'Din bokningsförfrågan har tagits emot',
  'notification.reservationRequested.body':
    '{resource}, {time}. Du får ett meddelande när förfrågan har behandlats.',
  'notification.reservationDenied': 'Din bokning kunde inte godkännas',
  'notification.reservationDenied.body': '{resource}, {time}. Motivering: {reason}',
  'notification.reservationCancelled': 'Din bokning har avbokats',
  'notification.reservationCancelled.body': '{resource}, {time}. Motivering: {reason}',
  'error.reportPeriod': 'Rapportens period duger inte',
  'error.reportPeriod.detail': 'Välj en period på högst {days} dagar där början är före slutet.',
  'error.resourceRules': 'Bokningsreglerna passar inte ihop',
  'error.resourceRules.detail':
    'Minimilängden ska vara högst maximilängden, och båda ska vara multipler av startintervallet.',
  'error.openingHours': 'Öppettiderna duger inte',
  'error.openingHours.detail':
    'Öppningstiden ska vara före stängningstiden, och samma dags tider får inte överlappa.',
  'error.seriesLength': 'Den återkommande bokningens längd duger inte',
  'error.seriesLength.detail':
    'En återkommande bokning kan omfatta 1–{max} veckor. Kontrollera sista dagen.',
  'error.priceGroups': 'Priserna duger inte',
  'error.priceGroups.detail': 'Varje kundgrupp kan ha endast ett pris.',
  'error.notForSale': 'Produkten säljs inte till dig',
  'error.notForSale.detail':
    'Produkten har inget pris för din kundgrupp, eller försäljningen har upphört.',
  'error.quantity': 'För stort antal',
  'error.quantity.detail': 'En beställning kan innehålla högst {max} stycken.',
  'error.emptyCart': 'Varukorgen är tom',
  'error.emptyCart.detail': 'Lägg produkter i korgen innan du beställer.',
  'error.paymentSignature': 'Betalningens kontrollsumma stämmer inte',
  'error.paymentSignature.detail':
    'Betalningsuppgifterna kunde inte verifieras, så betalningen registrerades inte.',
  'error.paymentProvider': 'Betaltjänsten svarar inte',
  'error.paymentProvider.detail':
    'Betalningen kunde inte påbörjas eftersom betaltjänsten inte gick att nå. Försök igen om en stund.',
  'error.badRequest': 'Ogiltig förfrågan',
  'error.badRequest.detail': 'Förfrågan kunde inte behandlas.',
  'error.internal': 'Ett fel inträffade i tjänsten',
  'error.internal.detail': 'Försök igen senare. Felets identifierare: {requestId}.',
  'email.receipt.subject': 'Kvitto – beställning {order}',
  'email.receipt.intro': 'Tack för din beställning! Betalningen har tagits emot. – {municipality}',
  'email.receipt.total': 'Totalt {total}',
  'email.receipt.vat': 'Moms {rate} %: {vat} (exkl. moms {net})',
  'email.notification.footer':
    'Det här meddelandet har skickats från Helppo-tjänsten i {municipality}.',
};

const en: Messages = {
  'error.doorUnauthenticated': 'The door token is missing or wrong',
  'error.doorUnauthenticated.detail':
    'Send the door controller\'s token in the Authorization header as "Bearer <token>".',
  'error.notSelfService': 'The facility is not self-service',
  'error.notSelfService.detail':
    'Doors can only be added to facilities that open with the PIN of the booking. Make the facility self-service first.',
  'error.doorHasNoToken': 'The door has no token',
  'error.doorHasNoToken.detail':
    'Only pulling (HTTP) doors have a token. MQTT doors are identified by the broker.',
  'error.grantNotFailed': 'The access grant has not failed',
  'error.grantNotFailed.detail': 'Only a failed access grant can be tried again.',
  'notification.accessPin': 'Door PIN: {pin}. The code works {from} – {until}.',
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
  'error.slotTaken': 'The time is already booked',
  'error.slotTaken.detail': 'Someone booked this time just before you. Choose another time.',
  'error.outsideOpeningHours': 'The facility is not open at the chosen time',
  'error.outsideOpeningHours.detail': "Choose a time within the facility's opening hours.",
  'error.invalidSlot': 'The length or start time of the booking does not fit',
  'error.invalidSlot.detail': 'Bookings start every {step} minutes and last {min}–{max} minutes.',
  'error.bookingWindow': 'The time cannot be booked',
  'error.bookingWindow.detail': 'Only future times can be booked, at most {days} days ahead.',
  'error.notCancellable': 'The booking cannot be cancelled',
  'error.notCancellable.detail': 'The booking has already started, ended or been cancelled.',
  'error.notRequested': 'The booking has already been handled',
  'error.notRequested.detail': 'Only a booking waiting for a decision can be approved or denied.',
  'notification.reservationConfirmed': 'Your booking is confirmed',
  'notification.reservationConfirmed.body': '{resource}, {time}.',
  'notification.reservationRequested': 'Your booking request has been received',
  'notification.reservationRequested.body':
    '{resource}, {time}. You will get a message when it has been handled.',
  'notification.reservationDenied': 'Your booking could not be approved',
  'notification.reservationDenied.body': '{resource}, {time}. Reason: {reason}',
  'notification.reservationCancelled': 'Your booking has been cancelled',
  'notification.reservationCancelled.body': '{resource}, {time}. Reason: {reason}',
  'error.reportPeriod': 'The report period is not valid',
  'error.reportPeriod.detail': 'Choose a period of at most {days} days that starts before it ends.',
  'error.resourceRules': 'The booking rules do not fit together',
  'error.resourceRules.detail':
    'The minimum length must not exceed the maximum, and both must be multiples of the start interval.',
  'error.openingHours': 'The opening hours are not valid',
  'error.openingHours.detail':
    'Opening must come before closing, and the hours of one day must not overlap.',
  'error.seriesLength': 'The length of the recurring booking is not valid',
  'error.seriesLength.detail': 'A recurring booking can cover 1–{max} weeks. Check the last day.',
  'error.priceGroups': 'The prices are not valid',
  'error.priceGroups.detail': 'Each customer group can have only one price.',
  'error.notForSale': 'The product is not sold to you',
  'error.notForSale.detail':
    'The product has no price for your customer group, or it is no longer sold.',
  'error.quantity': 'Too many',
  'error.quantity.detail': 'One order can have at most {max} of this.',
  'error.emptyCart': 'The cart is empty',
  'error.emptyCart.detail': 'Add products to the cart before ordering.',
  'error.paymentSignature': 'The payment signature does not match',
  'error.paymentSignature.detail':
    'The payment details could not be verified, so the payment was not recorded.',
  'error.paymentProvider': 'The payment service does not answer',
  'error.paymentProvider.detail':
    'The payment could not be started because the payment service could not be reached. Try again in a moment.',
  'error.badRequest': 'Bad request',
  'error.badRequest.detail': 'The request could not be processed.',
  'error.internal': 'Something went wrong in the service',
  'error.internal.detail': 'Please try again later. Error reference: {requestId}.',
  'email.receipt.subject': 'Receipt – order {order}',
  'email.receipt.intro':
    'Thank you for your order! The payment has been received. – {municipality}',
  'email.receipt.total': 'Total {total}',
  'email.receipt.vat': 'VAT {rate} %: {vat} (net {net})',
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
