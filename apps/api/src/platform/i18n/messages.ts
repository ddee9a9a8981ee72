/**
 * Server-side texts: error messages and emails, in every supported language. The web app
 * has its own texts; these are the ones the API itself says.
 */
import { pushMessages } from '../push/push.messages.js';
import { portfolioMessages } from '../../modules/portfolio/portfolio.messages.js';
import { casesMessages } from '../../modules/portfolio/cases.messages.js';
import { portfolioImportMessages } from '../../modules/portfolio/import.messages.js';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Messages = Record<string, string>;

const fi: Messages = {
  ...pushMessages.fi,
  'error.incomeHighestFeeOnly': 'Valitse joko tulot tai korkein maksu',
  'error.incomeHighestFeeOnly.detail':
    'Kun hyväksyt korkeimman maksun, tuloja tai liitettä ei tarvita.',
  'error.incomeAdults': 'Kerro yhden tai kahden aikuisen tulot',
  'error.incomeAdults.detail': 'Ilmoita kunkin taloudessa asuvan aikuisen bruttotulot kuukaudessa.',
  'error.incomeAttachmentMissing': 'Liite puuttuu',
  'error.incomeAttachmentMissing.detail':
    'Liitä tuloista tosite, esimerkiksi palkkalaskelma (PDF, JPEG tai PNG).',
  'error.incomeAttachmentType': 'Liitteen tiedostomuotoa ei hyväksytä',
  'error.incomeAttachmentType.detail': 'Liitteen on oltava PDF-, JPEG- tai PNG-tiedosto.',
  'error.incomeAttachmentSize': 'Liite on liian suuri',
  'error.incomeAttachmentSize.detail': 'Liite saa olla enintään {mb} Mt.',
  'error.feePeriodMissing': 'Päivälle ei ole maksuperusteita',
  'error.feePeriodMissing.detail': 'Päivälle {date} ei ole voimassa olevia maksuperusteita.',
  'error.feeLimitsIncomplete': 'Tulorajat ovat puutteelliset',
  'error.feeLimitsIncomplete.detail':
    'Anna sekä tulorajat 2–6 hengen perheille että korotus kustakin seuraavasta henkilöstä, tai ei kumpaakaan.',
  'error.feeMinAboveMax': 'Alin maksu on suurempi kuin korkein',
  'error.feeMinAboveMax.detail': 'Alimman maksun on oltava enintään korkein maksu.',
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
  'error.holdExpired': 'Varauksen pitoaika on päättynyt',
  'error.holdExpired.detail':
    'Ostoskorissa oleva varaus vapautui, koska sitä ei maksettu ajoissa. Poista se korista ja varaa aika uudelleen.',
  'error.notPaid': 'Tilausta ei ole maksettu',
  'error.notPaid.detail': 'Maksamattomasta tilauksesta ei voi palauttaa rahaa.',
  'error.refundTooLarge': 'Palautus on suurempi kuin maksu',
  'error.refundTooLarge.detail': 'Tilauksen palautukset eivät voi ylittää maksettua summaa.',
  'error.priceProduct': 'Hintatuotetta ei löydy',
  'error.priceProduct.detail': 'Valitse tilan tuntihinnaksi myynnissä oleva tuote.',
  'notification.reservationApprovedPay': 'Varauspyyntösi hyväksyttiin – maksa varaus',
  'notification.reservationApprovedPay.body':
    '{resource}, {time}. Varaus on ostoskorissasi. Maksa se kolmen päivän kuluessa, muuten aika vapautuu.',
  'reservation.holdExpired': 'Varausta ei maksettu ajoissa.',
  'email.refund.subject': 'Palautus – tilaus {order}',
  'email.refund.body':
    'Palautamme sinulle {amount} tilauksesta {order}. Raha palautuu samaan maksutapaan muutaman pankkipäivän kuluessa. – {municipality}',
  'error.birthDate': 'Tarkista syntymäaika',
  'error.birthDate.detail': 'Syntymäaika ei voi olla tulevaisuudessa.',
  'error.childCount': 'Valitse lapset',
  'error.childCount.detail': 'Valitse yhdestä {max} lapseen kerrallaan.',
  'error.registrationNotOpen': 'Ilmoittautuminen ei ole vielä auki',
  'error.registrationNotOpen.detail': 'Ilmoittautuminen alkaa {opens}.',
  'error.registrationClosed': 'Ilmoittautuminen on päättynyt',
  'error.registrationClosed.detail': 'Tälle kurssille ei voi enää ilmoittautua.',
  'error.notAdmitted': 'Ei vielä vuorossa',
  'error.notAdmitted.detail': 'Odota jonossa, kunnes on vuorosi ilmoittautua.',
  'error.ageLimit': 'Ikäraja ei täyty',
  'error.ageLimit.detail': '{child} ei ole kurssin ikärajoissa ({min}–{max} v).',
  'error.courseFull': 'Kurssi on täynnä',
  'error.courseFull.detail': 'Paikkoja ei ole riittävästi, eikä kurssilla ole jonoa.',
  'error.alreadyRegistered': 'Lapsi on jo ilmoittautunut',
  'error.alreadyRegistered.detail': 'Sama lapsi voi ilmoittautua kurssille vain kerran.',
  'error.noOffer': 'Tarjousta ei ole',
  'error.noOffer.detail': 'Paikkaa ei ole tarjolla, tai sen vastausaika on päättynyt.',
  'error.courseRules': 'Tarkista kurssin tiedot',
  'error.courseRules.detail':
    'Ikärajojen, ilmoittautumisajan ja kokoontumisten alku- ja loppuaikojen on oltava järjestyksessä.',
  'error.seatsTaken': 'Paikkoja on jo varattu',
  'error.seatsTaken.detail': 'Paikkamäärää ei voi pienentää varattujen paikkojen alle.',
  'error.noQueue': 'Kurssilla ei ole jonoa',
  'error.noQueue.detail': 'Tälle kurssille ilmoittaudutaan saapumisjärjestyksessä.',
  'error.paymentInProgress': 'Maksu on kesken',
  'error.paymentInProgress.detail':
    'Odota, että maksu valmistuu tai peruuntuu, ja yritä sitten uudelleen.',
  'notification.courseSeatConfirmed': 'Paikka vahvistettu: {course}',
  'notification.courseSeatConfirmed.body': '{child} on mukana kurssilla {course}.',
  'notification.courseWaitlisted': 'Jonossa: {course}',
  'notification.courseWaitlisted.body':
    '{child} on kurssin {course} jonossa. Saat viestin, jos paikka vapautuu.',
  'notification.courseSeatOffered': 'Paikka vapautui: {course}',
  'notification.courseSeatOffered.body':
    'Kurssilta {course} vapautui paikka lapselle {child}. Ota paikka vastaan viimeistään {until}.',
  'notification.courseRegistrationCancelled': 'Ilmoittautuminen peruttu: {course}',
  'notification.courseRegistrationCancelled.body':
    'Lapsen {child} ilmoittautuminen kurssille {course} on peruttu.',
  'error.invoiceNotAllowed': 'Tilausta ei voi maksaa laskulla',
  'error.invoiceNotAllowed.detail':
    'Kaikkia korin tuotteita ei voi maksaa laskulla. Maksa verkossa tai poista ne tuotteet korista.',
  'error.invoicingUnavailable': 'Laskutus ei ole käytössä',
  'error.invoicingUnavailable.detail':
    'Kunta ei ole vielä antanut laskutustietojaan. Maksa verkossa.',
  'error.invoiceAlreadyPaid': 'Lasku on jo merkitty maksetuksi',
  'error.invoiceAlreadyPaid.detail':
    'Laskun maksu on kirjattu jo aiemmin, eikä sitä kirjata toista kertaa.',
  'error.invoicePaidOn': 'Maksupäivä ei kelpaa',
  'error.invoicePaidOn.detail':
    'Maksupäivä ei voi olla tulevaisuudessa eikä ennen laskun päiväystä.',
  'error.invalidIban': 'Tilinumero ei kelpaa',
  'error.invalidIban.detail':
    'Anna suomalainen IBAN-tilinumero (FI ja 16 numeroa), jonka tarkiste täsmää.',
  'error.invalidBic': 'BIC-tunnus ei kelpaa',
  'error.invalidBic.detail': 'BIC-tunnuksessa on 8 tai 11 merkkiä, esimerkiksi OKOYFIHH.',
  'error.invalidBusinessId': 'Y-tunnus ei kelpaa',
  'error.invalidBusinessId.detail': 'Anna Y-tunnus muodossa 1234567-8 niin, että tarkiste täsmää.',
  'email.invoice.subject': 'Lasku {number} – {municipality}',
  'email.invoice.intro':
    'Kiitos tilauksestasi! Tilauksesi laskutetaan. Maksa lasku eräpäivään mennessä. – {municipality}',
  'email.invoice.pdf': 'Lasku PDF-muodossa (kirjaudu palveluun):',
  'email.invoice.order': 'Tilauksesi:',
  'invoice.title': 'Lasku',
  'invoice.number': 'Laskun numero',
  'invoice.issueDate': 'Laskun päiväys',
  'invoice.dueDate': 'Eräpäivä',
  'invoice.reference': 'Viitenumero',
  'invoice.rfReference': 'RF-viite',
  'invoice.buyer': 'Ostaja',
  'invoice.payer': 'Maksaja',
  'invoice.payee': 'Saaja',
  'invoice.iban': 'Saajan tilinumero',
  'invoice.bic': 'BIC',
  'invoice.businessId': 'Y-tunnus',
  'invoice.amount': 'Euro',
  'invoice.product': 'Tuote',
  'invoice.quantity': 'Määrä',
  'invoice.unitPrice': 'À-hinta',
  'invoice.vatRate': 'ALV %',
  'invoice.lineTotal': 'Yhteensä',
  'invoice.net': 'Veroton',
  'invoice.vat': 'ALV',
  'invoice.gross': 'Verollinen',
  'invoice.total': 'Maksettava yhteensä',
  'invoice.paymentInstructions':
    'Käytä maksaessasi viitenumeroa {reference}. Hinnat sisältävät arvonlisäveron.',
  'invoice.virtualBarcode': 'Virtuaaliviivakoodi',
  'error.soldWithBooking': 'Tuotetta ei myydä erikseen',
  'error.soldWithBooking.detail':
    'Tämä hinta maksetaan varauksen tai kurssi-ilmoittautumisen yhteydessä.',
  'notification.reservationBookedForYou': 'Sinulle on tehty varaus',
  'notification.reservationBookedForYou.body': '{resource}, {time}.',
  'notification.reservationBookedForYouPay': 'Sinulle on tehty varaus – maksa varaus',
  'notification.reservationBookedForYouPay.body':
    '{resource}, {time}. Varaus on ostoskorissasi. Maksa se kolmen päivän kuluessa, muuten aika vapautuu.',
  'error.customerNotOrganisationMember': 'Asiakas ei ole yhteisön jäsen',
  'error.customerNotOrganisationMember.detail':
    'Yhteisön nimissä voi varata vain sen jäsenelle. Yhteisön jäsen voi lisätä asiakkaan jäseneksi Yhteisöt-sivulla.',
  'error.customerNotFound': 'Asiakasta ei löydy',
  'error.customerNotFound.detail':
    'Tällä sähköpostiosoitteella ei ole käyttäjää. Pyydä asiakasta kirjautumaan palveluun kerran.',
  'error.courseHasRegistrations': 'Kurssilla on ilmoittautuneita',
  'error.courseHasRegistrations.detail':
    'Peru ensin kurssin ilmoittautumiset. Maksetut maksut palautetaan kokonaan.',
  'error.courseCancelled': 'Kurssi on peruttu',
  'error.courseCancelled.detail': 'Kurssi on peruttu, eikä sille voi enää ilmoittautua.',
  'error.cancelReasonRequired': 'Kerro peruutuksen syy',
  'error.cancelReasonRequired.detail': 'Syy kerrotaan kaikille ilmoittautuneiden huoltajille.',
  'notification.courseCancelled': 'Kurssi peruttu: {course}',
  'notification.courseCancelled.body':
    'Kurssi {course} on peruttu, joten lapsen {child} ilmoittautuminen päättyi. Syy: {reason}',
  'notification.courseCancelledRefunded': 'Kurssi peruttu: {course}',
  'notification.courseCancelledRefunded.body':
    'Kurssi {course} on peruttu, joten lapsen {child} ilmoittautuminen päättyi. Syy: {reason} Maksamasi kurssimaksu {amount} palautetaan kokonaan.',
  'error.receiptNotPaid': 'Tilausta ei ole maksettu',
  'error.receiptNotPaid.detail': 'Kuitin saa, kun tilaus on maksettu.',
  'email.receipt.pdf': 'Kuitti PDF-muodossa (kirjaudu palveluun):',
  'receipt.title': 'Kuitti',
  'receipt.order': 'Tilaus',
  'receipt.paidAt': 'Maksettu',
  'receipt.paymentMethod': 'Maksutapa',
  'receipt.method.online': 'Verkkomaksu ({provider})',
  'receipt.method.invoice': 'Lasku {number}',
  'receipt.total': 'Maksettu yhteensä',
  'receipt.note': 'Hinnat sisältävät arvonlisäveron. Kiitos!',
  'receipt.orderId': 'Tilauksen tunniste',
  'error.termsNotAccepted': 'Hyväksy käyttöehdot',
  'error.termsNotAccepted.detail':
    'Lue tilan käyttöehdot ja hyväksy ne ennen varaamista. Jos ehdot muuttuivat juuri, lue ne uudelleen.',
  'error.termsLanguages': 'Kirjoita ehdot kaikilla kielillä',
  'error.termsLanguages.detail':
    'Anna käyttöehdot suomeksi, ruotsiksi ja englanniksi, tai jätä kaikki tyhjiksi, jos tilalla ei ole ehtoja.',
  'error.absenceRange': 'Tarkista päivät',
  'error.absenceRange.detail': 'Poissaolon viimeinen päivä ei voi olla ennen ensimmäistä.',
  'error.absencePast': 'Mennyttä päivää ei voi ilmoittaa',
  'error.absencePast.detail': 'Poissaolon voi ilmoittaa tälle päivälle tai tuleville päiville.',
  'error.absenceCutoff': 'Tämän päivän ilmoitusaika on päättynyt',
  'error.absenceCutoff.detail':
    'Tämän päivän poissaolon voi ilmoittaa klo {time} asti. Kerro poissaolosta suoraan lapsen ryhmään, esimerkiksi soittamalla.',
  'error.absenceTooFar': 'Päivä on liian kaukana',
  'error.absenceTooFar.detail': 'Poissaolon voi ilmoittaa enintään {days} päivää etukäteen.',
  'error.absenceNoDays': 'Lapsella ei ole hoitopäiviä valituilla päivillä',
  'error.absenceNoDays.detail':
    'Lapsella {child} ei ole varhaiskasvatuspaikkaa tai yksikkö on kiinni valittuina päivinä.',
  'error.absenceStaffPast': 'Mennyttä poissaoloa ei voi muuttaa',
  'error.absenceStaffPast.detail':
    'Henkilökunta voi merkitä ja poistaa poissaoloja tästä päivästä eteenpäin.',
  'error.absenceLocked': 'Poissaoloa ei voi enää perua',
  'error.absenceLocked.detail':
    'Menneen päivän poissaoloa ei voi perua, eikä tämän päivän poissaoloa klo {time} jälkeen. Kerro muutoksesta suoraan lapsen ryhmään.',
  'error.daycareNameTaken': 'Nimi on jo käytössä',
  'error.daycareNameTaken.detail':
    'Kunnassa on jo yksikkö tällä nimellä, tai yksikössä on jo ryhmä tällä nimellä.',
  'error.placementRange': 'Tarkista sijoituksen päivät',
  'error.placementRange.detail': 'Sijoituksen loppupäivä ei voi olla ennen alkupäivää.',
  'error.placementOverlap': 'Lapsella on jo sijoitus näille päiville',
  'error.placementOverlap.detail':
    'Lapsi voi olla kerrallaan vain yhdessä ryhmässä. Päätä edellinen sijoitus ensin.',
  'error.guardianNotFound': 'Huoltajaa ei löytynyt',
  'error.guardianNotFound.detail':
    'Osoitteella {email} ei löytynyt käyttäjää. Huoltajan pitää kirjautua palveluun kerran.',
  'error.staffMemberExists': 'Henkilö on jo lisätty',
  'error.staffMemberExists.detail': 'Henkilö työskentelee jo tässä yksikössä tai ryhmässä.',
  'daycare.category.sick': 'sairaus',
  'daycare.category.other': 'muu syy',
  'daycare.category.holiday': 'loma',
  'daycare.ageGroup.under3': 'alle 3-vuotiaat',
  'daycare.ageGroup.age3to5': '3–5-vuotiaat',
  'daycare.ageGroup.preschool': 'esiopetus',
  'notification.freePlaces': 'Vapaita paikkoja: {unit}, {ageGroup}',
  'notification.freePlaces.body': '{unit}: {places} vapaata paikkaa ({ageGroup}) {date} alkaen.',
  'notification.freePlaces.note': 'Lisätieto: {note}',
  'notification.freePlaces.unsubscribe':
    'Linkki näyttää yksikön vapaat paikat ja lopettaa nämä ilmoitukset (voit jatkaa tilausta samalta sivulta).',
  'error.freePlaceDatePast': 'Päivä on mennyt',
  'error.freePlaceDatePast.detail': 'Vapaat paikat voi ilmoittaa tästä päivästä alkaen.',
  'error.freePlaceDateTooFar': 'Päivä on liian kaukana',
  'error.freePlaceDateTooFar.detail':
    'Vapaat paikat voi ilmoittaa enintään {days} päivää etukäteen.',
  'error.freePlaceSubscriptionLimit': 'Tilauksia on jo liikaa',
  'error.freePlaceSubscriptionLimit.detail':
    'Sinulla voi olla enintään {max} vapaiden paikkojen tilausta. Poista jokin ensin.',
  'notification.daycareAbsence.reported': 'Poissa tänään: {child}',
  'notification.daycareAbsence.reported.body':
    '{child} ({group}) on tänään poissa, syy: {category}.',
  'notification.daycareAbsence.cancelled': 'Tuleekin tänään: {child}',
  'notification.daycareAbsence.cancelled.body':
    'Lapsen {child} ({group}) tämän päivän poissaolo peruttiin.',
  'notification.daycareAbsence.note': 'Huoltajan lisätieto: {note}',
  'error.discussionDeadlinePast': 'Varausaika ei voi päättyä menneisyydessä',
  'error.discussionDeadlinePast.detail':
    'Valitse varausten viimeiseksi päiväksi tämä päivä tai myöhempi.',
  'error.discussionChildren': 'Tarkista lapset',
  'error.discussionChildren.detail': 'Valitse yksi tai useampi ryhmän lapsista.',
  'error.discussionStaff': 'Keskustelijan on oltava yksikön henkilökuntaa',
  'error.discussionStaff.detail': 'Valitse ajan pitäjäksi yksikön työntekijä.',
  'error.discussionSlotTimes': 'Tarkista kellonajat',
  'error.discussionSlotTimes.detail':
    'Ajan on päätyttävä alkamisen jälkeen, ja sarjaan on mahduttava vähintään yksi aika.',
  'error.discussionSlotPast': 'Aika on jo mennyt',
  'error.discussionSlotPast.detail': 'Keskusteluaikojen on oltava tulevaisuudessa.',
  'error.discussionTooManySlots': 'Liikaa aikoja kerralla',
  'error.discussionTooManySlots.detail': 'Lisää enintään {max} aikaa kerralla.',
  'error.discussionStaffOverlap': 'Päällekkäinen aika',
  'error.discussionStaffOverlap.detail': 'Työntekijällä on jo keskusteluaika samaan aikaan.',
  'error.discussionSlotBooked': 'Aika on varattu',
  'error.discussionSlotBooked.detail':
    'Varattua aikaa ei voi muuttaa. Voit perua sen, jolloin huoltajalle kerrotaan.',
  'error.discussionSlotTaken': 'Joku ehti varata ajan',
  'error.discussionSlotTaken.detail':
    'Aika varattiin juuri toiselle lapselle. Valitse toinen aika.',
  'error.discussionChildBooked': 'Lapselle on jo varattu aika',
  'error.discussionChildBooked.detail':
    'Lapselle varattiin juuri aika tähän keskusteluun. Päivitä sivu.',
  'error.discussionDeadline': 'Varausaika on päättynyt',
  'error.discussionDeadline.detail':
    'Aikoja saattoi varata, muuttaa ja perua {deadline} asti. Ota yhteyttä päiväkotiin.',
  'error.eventDates': 'Tarkista päivät',
  'error.eventDates.detail':
    'Viimeinen päivä ei voi olla ennen ensimmäistä, ja tapahtuma voi kestää enintään vuoden.',
  'error.eventTimes': 'Tarkista kellonajat',
  'error.eventTimes.detail': 'Anna sekä alkamis- että päättymisaika, tai ei kumpaakaan.',
  'error.eventPast': 'Tapahtuma on menneisyydessä',
  'error.eventPast.detail': 'Tapahtuman on alettava tänään tai myöhemmin.',
  'notification.discussion.published': 'Varaa keskusteluaika: {title}',
  'notification.discussion.published.body':
    '{unit} pyytää varaamaan keskusteluajan ({children}) viimeistään {deadline}.',
  'notification.discussion.remind': 'Muistutus: varaa keskusteluaika',
  'notification.discussion.remind.body':
    '{title}: {children} on vielä ilman aikaa. Varaa aika viimeistään {deadline}.',
  'notification.discussionBooking.reminder': 'Huomenna keskustelu: {title}',
  'notification.discussionBooking.reminder.body':
    '{child}: {time}, {place}. Keskustelijana {staff}.',
  'notification.discussionBooking.cancelled': 'Keskusteluaika peruttiin: {title}',
  'notification.discussionBooking.cancelled.body':
    'Päiväkoti perui ajan {time} ({child}). Varaa uusi aika.',
  'calendar.absence': 'Poissa: {children} ({category})',
  'calendar.discussion': '{title}: {children}',
  'calendar.discussionWith': 'Keskustelijana {staff}',
  'email.message.subject': 'Uusi viesti: {from}',
  'email.message.urgentSubject': 'Kiireellinen viesti: {from}',
  'email.message.body': 'Sinulle on uusi viesti: {from}. Lue se Helpossa:',
  'email.message.reminder':
    'Muistutus: {from} pyytää sinua kuittaamaan viestin luetuksi. Lue se Helpossa:',
  'notification.messageReminder': 'Kuittaa viesti luetuksi: {title}',
  'notification.messageReminder.body':
    '{from} pyytää sinua kuittaamaan viestin luetuksi ja ymmärretyksi.',
  'error.messageNoRecipients': 'Viestillä ei ole vastaanottajia',
  'error.messageNoRecipients.detail':
    'Valitulla kohteella ei ole tänään ketään, jolle viesti menisi.',
  'error.bulletinNoReplies': 'Tiedotteeseen ei voi vastata',
  'error.bulletinNoReplies.detail': 'Tiedote on yksisuuntainen. Lähetä tarvittaessa uusi viesti.',
  'error.messageNoAck': 'Viestiä ei tarvitse kuitata',
  'error.messageNoAck.detail': 'Vain kuittausta pyytävät viestit kuitataan.',
  'error.attachmentCount': 'Liian monta liitettä',
  'error.attachmentCount.detail': 'Liitteitä voi olla kerralla enintään {max}.',
  'error.attachmentTooLarge': 'Liite {name} on liian suuri',
  'error.attachmentTooLarge.detail': 'Yksi liite saa olla enintään {mb} Mt.',
  'error.attachmentsTooLarge': 'Liitteet ovat yhteensä liian suuria',
  'error.attachmentsTooLarge.detail': 'Liitteet saavat olla yhteensä enintään {mb} Mt.',
  'error.attachmentType': 'Liitteen {name} tiedostomuotoa ei hyväksytä',
  'error.attachmentType.detail':
    'Liitteen on oltava JPEG-, PNG- tai WebP-kuva tai PDF-tiedosto, ja sen sisällön on vastattava tyyppiä.',
  'email.notification.footer': 'Tämä viesti on lähetetty {municipality}n Helppo-palvelusta.',
  // Organisations as buyers, seasons priced and credited (issue 3).
  'error.notOrganisationMember': 'Et voi toimia tämän yhteisön puolesta',
  'error.notOrganisationMember.detail':
    'Vain yhteisön jäsenet voivat varata ja ostaa sen nimissä. Pyydä yhteisön jäsentä lisäämään sinut.',
  'error.invalidRegisterNumber': 'Yhdistysrekisterinumero ei kelpaa',
  'error.invalidRegisterNumber.detail':
    'Anna yhdistyksen numero yhdistysrekisterissä, esimerkiksi 123.456.',
  'error.businessIdRequired': 'Y-tunnus puuttuu',
  'error.businessIdRequired.detail': 'Yrityksellä on aina Y-tunnus. Anna se muodossa 1234567-8.',
  'error.organisationIdRequired': 'Anna Y-tunnus tai yhdistysrekisterinumero',
  'error.organisationIdRequired.detail':
    'Rekisteröity yhdistys tunnistetaan Y-tunnuksesta tai, jos sillä ei ole sitä, yhdistysrekisterinumerosta.',
  'error.invalidEInvoiceAddress': 'Verkkolaskuosoite ei kelpaa',
  'error.invalidEInvoiceAddress.detail':
    'Anna verkkolaskuosoite OVT-tunnuksena (0037 ja Y-tunnuksen numerot) tai IBAN-tilinumerona, ja sen välittäjä.',
  'error.eInvoiceOperatorRequired': 'Verkkolaskun välittäjä puuttuu',
  'error.eInvoiceOperatorRequired.detail':
    'Anna verkkolaskuosoitteen välittäjätunnus (esimerkiksi 003721291126 tai NDEAFIHH).',
  'error.organisationExists': 'Yhteisö on jo rekisteröity',
  'error.organisationExists.detail':
    'Samalla Y-tunnuksella on jo yhteisö. Pyydä sen jäsentä lisäämään sinut jäseneksi.',
  'error.organisationKindByStaff': 'Vain henkilökunta voi muuttaa yhteisön lajin',
  'error.organisationKindByStaff.detail':
    'Laji (yhdistys tai yritys) ratkaisee hinnat. Ota yhteyttä kunnan liikuntapalveluihin.',
  'error.alreadyMember': 'Henkilö on jo jäsen',
  'error.alreadyMember.detail': 'Henkilö voi jo toimia yhteisön puolesta.',
  'error.lastMember': 'Viimeistä jäsentä ei voi poistaa',
  'error.lastMember.detail':
    'Yhteisöllä on aina vähintään yksi jäsen. Lisää ensin toinen jäsen tai pyydä henkilökuntaa poistamaan yhteisö käytöstä.',
  'error.invoiceCredited': 'Lasku on hyvitetty',
  'error.invoiceCredited.detail': 'Laskulla ei ole maksettavaa: kaikki sen rivit on hyvitetty.',
  'notification.organisationMemberAdded': 'Sinut lisättiin yhteisön {organisation} jäseneksi',
  'notification.organisationMemberAdded.body':
    '{by} lisäsi sinut. Voit nyt varata ja ostaa yhteisön {organisation} nimissä.',
  'notification.reservationSeriesConfirmed': 'Kauden varauksesi on vahvistettu',
  'notification.reservationSeriesConfirmed.body':
    '{resource}: {count} kertaa, {first} – {last}. Yhteensä {total}.',
  'notification.reservationSeriesApproved': 'Kauden varauspyyntösi hyväksyttiin',
  'notification.reservationSeriesApproved.body': '{resource}: {count} kertaa, {first} – {last}.',
  'notification.reservationSeriesApprovedPay': 'Kauden varauspyyntösi hyväksyttiin – maksa varaus',
  'notification.reservationSeriesApprovedPay.body':
    '{resource}: {count} kertaa, {first} – {last}, yhteensä {total}. Varaukset ovat ostoskorissa. Maksa tai tilaa laskulla kolmen päivän kuluessa, muuten ajat vapautuvat.',
  'notification.reservationSeriesDenied': 'Kauden varauspyyntöäsi ei voitu hyväksyä',
  'notification.reservationSeriesDenied.body':
    '{resource}: {count} kertaa, {first} – {last}. Perustelu: {reason}',
  'notification.reservationSeriesCancelled': 'Kauden varaukset on peruttu',
  'notification.reservationSeriesCancelled.body':
    '{resource}: {count} tulevaa kertaa, {first} – {last}.',
  'notification.seriesRefund': 'Palautamme maksusta {amount}.',
  'notification.seriesCredit': 'Laskulta hyvitetään {amount}.',
  'email.credit.subject': 'Hyvitys laskulle {number} – {municipality}',
  'email.credit.body':
    'Laskulta {number} on hyvitetty {amount} peruttujen varausten vuoksi. Maksettavaa on nyt {due}; käytä samaa viitenumeroa. – {municipality}',
  'invoice.registerNumber': 'Yhdistysrekisterinumero',
  'invoice.eInvoice': 'Verkkolaskuosoite',
  'invoice.buyerReference': 'Viitteenne',
  'invoice.credited': 'Hyvitetty',
  'invoice.amountDue': 'Maksettavaa',
};

const sv: Messages = {
  ...pushMessages.sv,
  'error.incomeHighestFeeOnly': 'Välj antingen inkomster eller högsta avgift',
  'error.incomeHighestFeeOnly.detail':
    'När du godkänner den högsta avgiften behövs inga inkomster eller bilagor.',
  'error.incomeAdults': 'Ange inkomsterna för en eller två vuxna',
  'error.incomeAdults.detail': 'Ange bruttoinkomsten per månad för varje vuxen i hushållet.',
  'error.incomeAttachmentMissing': 'Bilaga saknas',
  'error.incomeAttachmentMissing.detail':
    'Bifoga ett intyg över inkomsterna, till exempel en lönespecifikation (PDF, JPEG eller PNG).',
  'error.incomeAttachmentType': 'Bilagans filformat godkänns inte',
  'error.incomeAttachmentType.detail': 'Bilagan ska vara en PDF-, JPEG- eller PNG-fil.',
  'error.incomeAttachmentSize': 'Bilagan är för stor',
  'error.incomeAttachmentSize.detail': 'Bilagan får vara högst {mb} MB.',
  'error.feePeriodMissing': 'Inga avgiftsgrunder för dagen',
  'error.feePeriodMissing.detail': 'Det finns inga gällande avgiftsgrunder för {date}.',
  'error.feeLimitsIncomplete': 'Inkomstgränserna är ofullständiga',
  'error.feeLimitsIncomplete.detail':
    'Ange både inkomstgränserna för familjer med 2–6 personer och höjningen för varje följande person, eller ingetdera.',
  'error.feeMinAboveMax': 'Den lägsta avgiften är större än den högsta',
  'error.feeMinAboveMax.detail': 'Den lägsta avgiften får vara högst den högsta avgiften.',
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
  'error.holdExpired': 'Bokningens reservationstid har gått ut',
  'error.holdExpired.detail':
    'Bokningen i varukorgen frigjordes eftersom den inte betalades i tid. Ta bort den ur korgen och boka tiden på nytt.',
  'error.notPaid': 'Beställningen är inte betald',
  'error.notPaid.detail': 'Pengar kan inte återbetalas för en obetald beställning.',
  'error.refundTooLarge': 'Återbetalningen är större än betalningen',
  'error.refundTooLarge.detail':
    'En beställnings återbetalningar kan inte överstiga det betalda beloppet.',
  'error.priceProduct': 'Prisprodukten hittas inte',
  'error.priceProduct.detail': 'Välj en produkt som är till salu som lokalens timpris.',
  'notification.reservationApprovedPay': 'Din bokningsförfrågan godkändes – betala bokningen',
  'notification.reservationApprovedPay.body':
    '{resource}, {time}. Bokningen finns i din varukorg. Betala den inom tre dagar, annars frigörs tiden.',
  'reservation.holdExpired': 'Bokningen betalades inte i tid.',
  'email.refund.subject': 'Återbetalning – beställning {order}',
  'email.refund.body':
    'Vi återbetalar {amount} för beställning {order}. Pengarna återgår till samma betalningssätt inom några bankdagar. – {municipality}',
  'error.birthDate': 'Kontrollera födelsedatumet',
  'error.birthDate.detail': 'Födelsedatumet kan inte vara i framtiden.',
  'error.childCount': 'Välj barnen',
  'error.childCount.detail': 'Välj ett till {max} barn åt gången.',
  'error.registrationNotOpen': 'Anmälan har inte öppnat ännu',
  'error.registrationNotOpen.detail': 'Anmälan öppnar {opens}.',
  'error.registrationClosed': 'Anmälan har stängt',
  'error.registrationClosed.detail': 'Det går inte längre att anmäla sig till den här kursen.',
  'error.notAdmitted': 'Inte din tur ännu',
  'error.notAdmitted.detail': 'Vänta i kön tills det är din tur att anmäla dig.',
  'error.ageLimit': 'Åldersgränsen uppfylls inte',
  'error.ageLimit.detail': '{child} är inte inom kursens åldersgränser ({min}–{max} år).',
  'error.courseFull': 'Kursen är full',
  'error.courseFull.detail': 'Det finns inte tillräckligt med platser och kursen har ingen kö.',
  'error.alreadyRegistered': 'Barnet är redan anmält',
  'error.alreadyRegistered.detail': 'Samma barn kan anmälas till en kurs bara en gång.',
  'error.noOffer': 'Inget erbjudande',
  'error.noOffer.detail': 'Ingen plats erbjuds, eller svarstiden har gått ut.',
  'error.courseRules': 'Kontrollera kursens uppgifter',
  'error.courseRules.detail':
    'Åldersgränserna, anmälningstiden och sammankomsternas start- och sluttider måste vara i ordning.',
  'error.seatsTaken': 'Platserna är redan tagna',
  'error.seatsTaken.detail': 'Antalet platser kan inte minskas under antalet tagna platser.',
  'error.noQueue': 'Kursen har ingen kö',
  'error.noQueue.detail': 'Till den här kursen anmäler man sig i ankomstordning.',
  'error.paymentInProgress': 'Betalningen pågår',
  'error.paymentInProgress.detail':
    'Vänta tills betalningen är klar eller avbruten och försök sedan igen.',
  'notification.courseSeatConfirmed': 'Plats bekräftad: {course}',
  'notification.courseSeatConfirmed.body': '{child} är med på kursen {course}.',
  'notification.courseWaitlisted': 'I kö: {course}',
  'notification.courseWaitlisted.body':
    '{child} står i kö till kursen {course}. Du får ett meddelande om en plats blir ledig.',
  'notification.courseSeatOffered': 'En plats blev ledig: {course}',
  'notification.courseSeatOffered.body':
    'En plats blev ledig på kursen {course} för {child}. Ta emot platsen senast {until}.',
  'notification.courseRegistrationCancelled': 'Anmälan avbokad: {course}',
  'notification.courseRegistrationCancelled.body':
    'Anmälan av {child} till kursen {course} har avbokats.',
  'error.invoiceNotAllowed': 'Beställningen kan inte betalas mot faktura',
  'error.invoiceNotAllowed.detail':
    'Alla produkter i korgen kan inte betalas mot faktura. Betala på nätet eller ta bort de produkterna ur korgen.',
  'error.invoicingUnavailable': 'Fakturering används inte',
  'error.invoicingUnavailable.detail':
    'Kommunen har ännu inte angett sina faktureringsuppgifter. Betala på nätet.',
  'error.invoiceAlreadyPaid': 'Fakturan är redan markerad som betald',
  'error.invoiceAlreadyPaid.detail':
    'Betalningen av fakturan har redan bokförts och bokförs inte en gång till.',
  'error.invoicePaidOn': 'Betalningsdagen duger inte',
  'error.invoicePaidOn.detail':
    'Betalningsdagen kan inte vara i framtiden eller före fakturadatumet.',
  'error.invalidIban': 'Kontonumret duger inte',
  'error.invalidIban.detail':
    'Ange ett finskt IBAN-kontonummer (FI och 16 siffror) med rätt kontrollsiffror.',
  'error.invalidBic': 'BIC-koden duger inte',
  'error.invalidBic.detail': 'En BIC-kod har 8 eller 11 tecken, till exempel OKOYFIHH.',
  'error.invalidBusinessId': 'FO-numret duger inte',
  'error.invalidBusinessId.detail': 'Ange FO-numret i formen 1234567-8 med rätt kontrollsiffra.',
  'email.invoice.subject': 'Faktura {number} – {municipality}',
  'email.invoice.intro':
    'Tack för din beställning! Beställningen faktureras. Betala fakturan senast på förfallodagen. – {municipality}',
  'email.invoice.pdf': 'Fakturan som PDF (logga in i tjänsten):',
  'email.invoice.order': 'Din beställning:',
  'invoice.title': 'Faktura',
  'invoice.number': 'Fakturanummer',
  'invoice.issueDate': 'Fakturadatum',
  'invoice.dueDate': 'Förfallodag',
  'invoice.reference': 'Referensnummer',
  'invoice.rfReference': 'RF-referens',
  'invoice.buyer': 'Köpare',
  'invoice.payer': 'Betalare',
  'invoice.payee': 'Mottagare',
  'invoice.iban': 'Mottagarens kontonummer',
  'invoice.bic': 'BIC',
  'invoice.businessId': 'FO-nummer',
  'invoice.amount': 'Euro',
  'invoice.product': 'Produkt',
  'invoice.quantity': 'Antal',
  'invoice.unitPrice': 'À-pris',
  'invoice.vatRate': 'Moms %',
  'invoice.lineTotal': 'Totalt',
  'invoice.net': 'Exkl. moms',
  'invoice.vat': 'Moms',
  'invoice.gross': 'Inkl. moms',
  'invoice.total': 'Att betala',
  'invoice.paymentInstructions':
    'Använd referensnumret {reference} när du betalar. Priserna innehåller mervärdesskatt.',
  'invoice.virtualBarcode': 'Virtuell streckkod',
  'error.soldWithBooking': 'Produkten säljs inte separat',
  'error.soldWithBooking.detail': 'Priset betalas i samband med bokningen eller kursanmälan.',
  'notification.reservationBookedForYou': 'En bokning har gjorts åt dig',
  'notification.reservationBookedForYou.body': '{resource}, {time}.',
  'notification.reservationBookedForYouPay': 'En bokning har gjorts åt dig – betala bokningen',
  'notification.reservationBookedForYouPay.body':
    '{resource}, {time}. Bokningen finns i din varukorg. Betala den inom tre dagar, annars frigörs tiden.',
  'error.customerNotOrganisationMember': 'Kunden är inte medlem i organisationen',
  'error.customerNotOrganisationMember.detail':
    'I organisationens namn kan man boka endast för dess medlemmar. En medlem kan lägga till kunden på sidan Organisationer.',
  'error.customerNotFound': 'Kunden hittas inte',
  'error.customerNotFound.detail':
    'Det finns ingen användare med den här e-postadressen. Be kunden logga in i tjänsten en gång.',
  'error.courseHasRegistrations': 'Kursen har anmälda',
  'error.courseHasRegistrations.detail':
    'Avboka först kursens anmälningar. Betalda avgifter återbetalas i sin helhet.',
  'error.courseCancelled': 'Kursen är inställd',
  'error.courseCancelled.detail': 'Kursen är inställd och det går inte längre att anmäla sig.',
  'error.cancelReasonRequired': 'Ange orsaken till att kursen ställs in',
  'error.cancelReasonRequired.detail': 'Orsaken meddelas alla vårdnadshavare som anmält barn.',
  'notification.courseCancelled': 'Kursen är inställd: {course}',
  'notification.courseCancelled.body':
    'Kursen {course} är inställd, så anmälan för {child} har upphört. Orsak: {reason}',
  'notification.courseCancelledRefunded': 'Kursen är inställd: {course}',
  'notification.courseCancelledRefunded.body':
    'Kursen {course} är inställd, så anmälan för {child} har upphört. Orsak: {reason} Kursavgiften {amount} som du betalat återbetalas i sin helhet.',
  'error.receiptNotPaid': 'Beställningen är inte betald',
  'error.receiptNotPaid.detail': 'Kvittot fås när beställningen har betalats.',
  'email.receipt.pdf': 'Kvittot som PDF (logga in i tjänsten):',
  'receipt.title': 'Kvitto',
  'receipt.order': 'Beställning',
  'receipt.paidAt': 'Betald',
  'receipt.paymentMethod': 'Betalningssätt',
  'receipt.method.online': 'Nätbetalning ({provider})',
  'receipt.method.invoice': 'Faktura {number}',
  'receipt.total': 'Betalt totalt',
  'receipt.note': 'Priserna inkluderar mervärdesskatt. Tack!',
  'receipt.orderId': 'Beställningens identifierare',
  'error.termsNotAccepted': 'Godkänn användarvillkoren',
  'error.termsNotAccepted.detail':
    'Läs lokalens användarvillkor och godkänn dem innan du bokar. Om villkoren nyss ändrades, läs dem på nytt.',
  'error.termsLanguages': 'Skriv villkoren på alla språk',
  'error.termsLanguages.detail':
    'Ange användarvillkoren på finska, svenska och engelska, eller lämna alla tomma om lokalen inte har villkor.',
  'error.absenceRange': 'Kontrollera dagarna',
  'error.absenceRange.detail': 'Frånvarons sista dag kan inte vara före den första.',
  'error.absencePast': 'En dag som har varit kan inte anmälas',
  'error.absencePast.detail': 'Frånvaro kan anmälas för i dag eller kommande dagar.',
  'error.absenceCutoff': 'Tiden för att anmäla dagens frånvaro har gått ut',
  'error.absenceCutoff.detail':
    'Dagens frånvaro kan anmälas till kl. {time}. Meddela frånvaron direkt till barnets grupp, till exempel per telefon.',
  'error.absenceTooFar': 'Dagen ligger för långt fram',
  'error.absenceTooFar.detail': 'Frånvaro kan anmälas högst {days} dagar i förväg.',
  'error.absenceNoDays': 'Barnet har inga vårddagar de valda dagarna',
  'error.absenceNoDays.detail':
    '{child} har ingen plats i småbarnspedagogiken eller enheten är stängd de valda dagarna.',
  'error.absenceStaffPast': 'En frånvaro som har varit kan inte ändras',
  'error.absenceStaffPast.detail':
    'Personalen kan anteckna och ta bort frånvaro från och med i dag.',
  'error.absenceLocked': 'Frånvaron kan inte längre återkallas',
  'error.absenceLocked.detail':
    'Frånvaro för en dag som har varit kan inte återkallas, och inte heller dagens frånvaro efter kl. {time}. Meddela ändringen direkt till barnets grupp.',
  'error.daycareNameTaken': 'Namnet används redan',
  'error.daycareNameTaken.detail':
    'Kommunen har redan en enhet med detta namn, eller enheten har redan en grupp med detta namn.',
  'error.placementRange': 'Kontrollera placeringens datum',
  'error.placementRange.detail': 'Placeringens slutdatum kan inte vara före startdatumet.',
  'error.placementOverlap': 'Barnet har redan en placering dessa dagar',
  'error.placementOverlap.detail':
    'Ett barn kan bara vara i en grupp åt gången. Avsluta den tidigare placeringen först.',
  'error.guardianNotFound': 'Vårdnadshavaren hittades inte',
  'error.guardianNotFound.detail':
    'Ingen användare har adressen {email}. Vårdnadshavaren ska logga in i tjänsten en gång.',
  'error.staffMemberExists': 'Personen har redan lagts till',
  'error.staffMemberExists.detail': 'Personen arbetar redan i denna enhet eller grupp.',
  'daycare.category.sick': 'sjukdom',
  'daycare.category.other': 'annan orsak',
  'daycare.category.holiday': 'semester',
  'daycare.ageGroup.under3': 'under 3 år',
  'daycare.ageGroup.age3to5': '3–5 år',
  'daycare.ageGroup.preschool': 'förskoleundervisning',
  'notification.freePlaces': 'Lediga platser: {unit}, {ageGroup}',
  'notification.freePlaces.body': '{unit}: {places} lediga platser ({ageGroup}) från {date}.',
  'notification.freePlaces.note': 'Tilläggsinformation: {note}',
  'notification.freePlaces.unsubscribe':
    'Länken visar enhetens lediga platser och avslutar dessa meddelanden (du kan fortsätta prenumerationen på samma sida).',
  'error.freePlaceDatePast': 'Dagen har redan varit',
  'error.freePlaceDatePast.detail': 'Lediga platser kan anmälas från och med i dag.',
  'error.freePlaceDateTooFar': 'Dagen ligger för långt fram',
  'error.freePlaceDateTooFar.detail': 'Lediga platser kan anmälas högst {days} dagar i förväg.',
  'error.freePlaceSubscriptionLimit': 'Du har redan för många prenumerationer',
  'error.freePlaceSubscriptionLimit.detail':
    'Du kan ha högst {max} prenumerationer på lediga platser. Ta bort någon först.',
  'notification.daycareAbsence.reported': 'Frånvarande i dag: {child}',
  'notification.daycareAbsence.reported.body':
    '{child} ({group}) är frånvarande i dag, orsak: {category}.',
  'notification.daycareAbsence.cancelled': 'Kommer i dag ändå: {child}',
  'notification.daycareAbsence.cancelled.body':
    'Dagens frånvaro för {child} ({group}) har återkallats.',
  'notification.daycareAbsence.note': 'Vårdnadshavarens tilläggsinformation: {note}',
  'error.discussionDeadlinePast': 'Bokningstiden kan inte sluta i det förflutna',
  'error.discussionDeadlinePast.detail': 'Välj i dag eller en senare dag som sista bokningsdag.',
  'error.discussionChildren': 'Kontrollera barnen',
  'error.discussionChildren.detail': 'Välj ett eller flera av gruppens barn.',
  'error.discussionStaff': 'Samtalsledaren ska höra till enhetens personal',
  'error.discussionStaff.detail': 'Välj en anställd vid enheten som håller tiden.',
  'error.discussionSlotTimes': 'Kontrollera klockslagen',
  'error.discussionSlotTimes.detail':
    'Tiden ska sluta efter att den börjat, och minst en tid ska rymmas i serien.',
  'error.discussionSlotPast': 'Tiden har redan varit',
  'error.discussionSlotPast.detail': 'Samtalstiderna ska ligga i framtiden.',
  'error.discussionTooManySlots': 'För många tider på en gång',
  'error.discussionTooManySlots.detail': 'Lägg till högst {max} tider på en gång.',
  'error.discussionStaffOverlap': 'Överlappande tid',
  'error.discussionStaffOverlap.detail': 'Den anställda har redan en samtalstid vid samma tid.',
  'error.discussionSlotBooked': 'Tiden är bokad',
  'error.discussionSlotBooked.detail':
    'En bokad tid kan inte ändras. Du kan avboka den, och vårdnadshavaren får veta det.',
  'error.discussionSlotTaken': 'Någon hann boka tiden',
  'error.discussionSlotTaken.detail': 'Tiden bokades just för ett annat barn. Välj en annan tid.',
  'error.discussionChildBooked': 'Barnet har redan en bokad tid',
  'error.discussionChildBooked.detail':
    'En tid bokades just för barnet i detta samtal. Uppdatera sidan.',
  'error.discussionDeadline': 'Bokningstiden har gått ut',
  'error.discussionDeadline.detail':
    'Tider kunde bokas, ändras och avbokas till och med {deadline}. Kontakta daghemmet.',
  'error.eventDates': 'Kontrollera dagarna',
  'error.eventDates.detail':
    'Sista dagen kan inte vara före den första, och evenemanget kan pågå högst ett år.',
  'error.eventTimes': 'Kontrollera klockslagen',
  'error.eventTimes.detail': 'Ange både start- och sluttid, eller ingendera.',
  'error.eventPast': 'Evenemanget ligger i det förflutna',
  'error.eventPast.detail': 'Evenemanget ska börja i dag eller senare.',
  'notification.discussion.published': 'Boka en samtalstid: {title}',
  'notification.discussion.published.body':
    '{unit} ber dig boka en samtalstid ({children}) senast {deadline}.',
  'notification.discussion.remind': 'Påminnelse: boka en samtalstid',
  'notification.discussion.remind.body':
    '{title}: {children} har ännu ingen tid. Boka en tid senast {deadline}.',
  'notification.discussionBooking.reminder': 'I morgon samtal: {title}',
  'notification.discussionBooking.reminder.body':
    '{child}: {time}, {place}. Samtalet hålls av {staff}.',
  'notification.discussionBooking.cancelled': 'Samtalstiden avbokades: {title}',
  'notification.discussionBooking.cancelled.body':
    'Daghemmet avbokade tiden {time} ({child}). Boka en ny tid.',
  'calendar.absence': 'Frånvarande: {children} ({category})',
  'calendar.discussion': '{title}: {children}',
  'calendar.discussionWith': 'Samtalet hålls av {staff}',
  'email.message.subject': 'Nytt meddelande: {from}',
  'email.message.urgentSubject': 'Brådskande meddelande: {from}',
  'email.message.body': 'Du har ett nytt meddelande: {from}. Läs det i Helppo:',
  'email.message.reminder':
    'Påminnelse: {from} ber dig kvittera meddelandet som läst. Läs det i Helppo:',
  'notification.messageReminder': 'Kvittera meddelandet som läst: {title}',
  'notification.messageReminder.body': '{from} ber dig kvittera meddelandet som läst och förstått.',
  'error.messageNoRecipients': 'Meddelandet har inga mottagare',
  'error.messageNoRecipients.detail':
    'Det valda målet har ingen i dag som meddelandet skulle gå till.',
  'error.bulletinNoReplies': 'Det går inte att svara på ett meddelande som är en kungörelse',
  'error.bulletinNoReplies.detail':
    'Kungörelsen är enkelriktad. Skicka vid behov ett nytt meddelande.',
  'error.messageNoAck': 'Meddelandet behöver inte kvitteras',
  'error.messageNoAck.detail': 'Endast meddelanden som ber om kvittering kvitteras.',
  'error.attachmentCount': 'För många bilagor',
  'error.attachmentCount.detail': 'Högst {max} bilagor åt gången.',
  'error.attachmentTooLarge': 'Bilagan {name} är för stor',
  'error.attachmentTooLarge.detail': 'En bilaga får vara högst {mb} MB.',
  'error.attachmentsTooLarge': 'Bilagorna är sammanlagt för stora',
  'error.attachmentsTooLarge.detail': 'Bilagorna får vara högst {mb} MB sammanlagt.',
  'error.attachmentType': 'Filformatet för bilagan {name} godkänns inte',
  'error.attachmentType.detail':
    'Bilagan ska vara en JPEG-, PNG- eller WebP-bild eller en PDF-fil, och innehållet ska motsvara typen.',
  'email.notification.footer':
    'Det här meddelandet har skickats från Helppo-tjänsten i {municipality}.',
  // Organisations as buyers, seasons priced and credited (issue 3).
  'error.notOrganisationMember': 'Du kan inte agera för den här organisationen',
  'error.notOrganisationMember.detail':
    'Endast organisationens medlemmar kan boka och köpa i dess namn. Be en medlem lägga till dig.',
  'error.invalidRegisterNumber': 'Föreningsregisternumret duger inte',
  'error.invalidRegisterNumber.detail':
    'Ange föreningens nummer i föreningsregistret, till exempel 123.456.',
  'error.businessIdRequired': 'FO-numret saknas',
  'error.businessIdRequired.detail':
    'Ett företag har alltid ett FO-nummer. Ange det i formen 1234567-8.',
  'error.organisationIdRequired': 'Ange FO-nummer eller föreningsregisternummer',
  'error.organisationIdRequired.detail':
    'En registrerad förening identifieras med sitt FO-nummer eller, om den saknar ett, sitt föreningsregisternummer.',
  'error.invalidEInvoiceAddress': 'E-fakturaadressen duger inte',
  'error.invalidEInvoiceAddress.detail':
    'Ange e-fakturaadressen som OVT-kod (0037 och FO-numrets siffror) eller som IBAN, och dess förmedlare.',
  'error.eInvoiceOperatorRequired': 'E-fakturaförmedlaren saknas',
  'error.eInvoiceOperatorRequired.detail':
    'Ange förmedlarkoden för e-fakturaadressen (till exempel 003721291126 eller NDEAFIHH).',
  'error.organisationExists': 'Organisationen är redan registrerad',
  'error.organisationExists.detail':
    'Det finns redan en organisation med samma FO-nummer. Be en av dess medlemmar lägga till dig.',
  'error.organisationKindByStaff': 'Endast personalen kan ändra organisationens typ',
  'error.organisationKindByStaff.detail':
    'Typen (förening eller företag) avgör priserna. Kontakta kommunens idrottstjänster.',
  'error.alreadyMember': 'Personen är redan medlem',
  'error.alreadyMember.detail': 'Personen kan redan agera för organisationen.',
  'error.lastMember': 'Den sista medlemmen kan inte tas bort',
  'error.lastMember.detail':
    'En organisation har alltid minst en medlem. Lägg först till en annan medlem eller be personalen ta organisationen ur bruk.',
  'error.invoiceCredited': 'Fakturan är krediterad',
  'error.invoiceCredited.detail':
    'Det finns inget att betala: alla fakturans rader har krediterats.',
  'notification.organisationMemberAdded': 'Du har lagts till som medlem i {organisation}',
  'notification.organisationMemberAdded.body':
    '{by} lade till dig. Du kan nu boka och köpa för {organisation}.',
  'notification.reservationSeriesConfirmed': 'Din säsongsbokning har bekräftats',
  'notification.reservationSeriesConfirmed.body':
    '{resource}: {count} gånger, {first} – {last}. Totalt {total}.',
  'notification.reservationSeriesApproved': 'Din säsongsförfrågan har godkänts',
  'notification.reservationSeriesApproved.body': '{resource}: {count} gånger, {first} – {last}.',
  'notification.reservationSeriesApprovedPay':
    'Din säsongsförfrågan har godkänts – betala bokningen',
  'notification.reservationSeriesApprovedPay.body':
    '{resource}: {count} gånger, {first} – {last}, totalt {total}. Bokningarna finns i varukorgen. Betala eller beställ mot faktura inom tre dagar, annars frigörs tiderna.',
  'notification.reservationSeriesDenied': 'Din säsongsförfrågan kunde inte godkännas',
  'notification.reservationSeriesDenied.body':
    '{resource}: {count} gånger, {first} – {last}. Motivering: {reason}',
  'notification.reservationSeriesCancelled': 'Säsongens bokningar har avbokats',
  'notification.reservationSeriesCancelled.body':
    '{resource}: {count} kommande gånger, {first} – {last}.',
  'notification.seriesRefund': 'Vi återbetalar {amount}.',
  'notification.seriesCredit': 'Fakturan krediteras med {amount}.',
  'email.credit.subject': 'Kreditering av faktura {number} – {municipality}',
  'email.credit.body':
    'Faktura {number} har krediterats med {amount} för avbokade bokningar. Att betala är nu {due}; använd samma referensnummer. – {municipality}',
  'invoice.registerNumber': 'Föreningsregisternummer',
  'invoice.eInvoice': 'E-fakturaadress',
  'invoice.buyerReference': 'Er referens',
  'invoice.credited': 'Krediterat',
  'invoice.amountDue': 'Att betala',
};

const en: Messages = {
  ...pushMessages.en,
  'error.incomeHighestFeeOnly': 'Choose either income or the highest fee',
  'error.incomeHighestFeeOnly.detail':
    'When you accept the highest fee, no income or attachment is needed.',
  'error.incomeAdults': "Give one or two adults' income",
  'error.incomeAdults.detail': 'Give the gross monthly income of each adult of the household.',
  'error.incomeAttachmentMissing': 'The attachment is missing',
  'error.incomeAttachmentMissing.detail':
    'Attach a proof of the income, such as a pay slip (PDF, JPEG or PNG).',
  'error.incomeAttachmentType': 'The file type of the attachment is not accepted',
  'error.incomeAttachmentType.detail': 'The attachment must be a PDF, JPEG or PNG file.',
  'error.incomeAttachmentSize': 'The attachment is too large',
  'error.incomeAttachmentSize.detail': 'The attachment may be at most {mb} MB.',
  'error.feePeriodMissing': 'No fee parameters for the day',
  'error.feePeriodMissing.detail': 'No fee parameters are in force on {date}.',
  'error.feeLimitsIncomplete': 'The income limits are incomplete',
  'error.feeLimitsIncomplete.detail':
    'Give both the limits for families of 2–6 people and the increment per further person, or neither.',
  'error.feeMinAboveMax': 'The minimum fee is above the maximum',
  'error.feeMinAboveMax.detail': 'The minimum fee must be at most the maximum fee.',
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
  'error.holdExpired': "The booking's hold has ended",
  'error.holdExpired.detail':
    'The booking in your cart was released because it was not paid in time. Remove it from the cart and book the time again.',
  'error.notPaid': 'The order is not paid',
  'error.notPaid.detail': 'Money cannot be refunded for an unpaid order.',
  'error.refundTooLarge': 'The refund is larger than the payment',
  'error.refundTooLarge.detail': 'The refunds of an order cannot exceed the amount paid.',
  'error.priceProduct': 'Price product not found',
  'error.priceProduct.detail': "Choose a product that is for sale as the facility's hourly price.",
  'notification.reservationApprovedPay': 'Your booking request was approved – pay for the booking',
  'notification.reservationApprovedPay.body':
    '{resource}, {time}. The booking is in your cart. Pay for it within three days, or the time is released.',
  'reservation.holdExpired': 'The booking was not paid in time.',
  'email.refund.subject': 'Refund – order {order}',
  'email.refund.body':
    'We are refunding {amount} for order {order}. The money returns to the same payment method within a few banking days. – {municipality}',
  'error.birthDate': 'Check the date of birth',
  'error.birthDate.detail': 'The date of birth cannot be in the future.',
  'error.childCount': 'Choose the children',
  'error.childCount.detail': 'Choose from one to {max} children at a time.',
  'error.registrationNotOpen': 'Registration is not open yet',
  'error.registrationNotOpen.detail': 'Registration opens at {opens}.',
  'error.registrationClosed': 'Registration has closed',
  'error.registrationClosed.detail': 'This course no longer takes registrations.',
  'error.notAdmitted': 'Not your turn yet',
  'error.notAdmitted.detail': 'Wait in the queue until it is your turn to register.',
  'error.ageLimit': 'Outside the age limits',
  'error.ageLimit.detail': "{child} is not within the course's age limits ({min}–{max} years).",
  'error.courseFull': 'The course is full',
  'error.courseFull.detail': 'There are not enough seats, and the course has no waitlist.',
  'error.alreadyRegistered': 'The child is already registered',
  'error.alreadyRegistered.detail': 'A child can be registered for a course only once.',
  'error.noOffer': 'No offer',
  'error.noOffer.detail': 'No seat is on offer, or the time to answer has ended.',
  'error.courseRules': 'Check the course details',
  'error.courseRules.detail':
    'The age limits, the registration period and the start and end times of the sessions must be in order.',
  'error.seatsTaken': 'The seats are taken',
  'error.seatsTaken.detail': 'The number of seats cannot go below the seats already taken.',
  'error.noQueue': 'The course has no queue',
  'error.noQueue.detail': 'This course takes registrations in order of arrival.',
  'error.paymentInProgress': 'Payment in progress',
  'error.paymentInProgress.detail':
    'Wait until the payment completes or is cancelled, then try again.',
  'notification.courseSeatConfirmed': 'Seat confirmed: {course}',
  'notification.courseSeatConfirmed.body': '{child} has a seat on {course}.',
  'notification.courseWaitlisted': 'On the waitlist: {course}',
  'notification.courseWaitlisted.body':
    '{child} is on the waitlist of {course}. You will be told if a seat comes free.',
  'notification.courseSeatOffered': 'A seat came free: {course}',
  'notification.courseSeatOffered.body':
    'A seat on {course} came free for {child}. Accept it by {until}.',
  'notification.courseRegistrationCancelled': 'Registration cancelled: {course}',
  'notification.courseRegistrationCancelled.body':
    'The registration of {child} for {course} has been cancelled.',
  'error.invoiceNotAllowed': 'The order cannot be paid by invoice',
  'error.invoiceNotAllowed.detail':
    'Not every product in the cart can be paid by invoice. Pay online, or remove those products from the cart.',
  'error.invoicingUnavailable': 'Invoicing is not in use',
  'error.invoicingUnavailable.detail':
    'The municipality has not yet given its invoicing details. Please pay online.',
  'error.invoiceAlreadyPaid': 'The invoice is already marked paid',
  'error.invoiceAlreadyPaid.detail':
    'The payment of this invoice was recorded before; it is not recorded twice.',
  'error.invoicePaidOn': 'The payment date is not valid',
  'error.invoicePaidOn.detail':
    'The payment date cannot be in the future or before the invoice date.',
  'error.invalidIban': 'The account number is not valid',
  'error.invalidIban.detail': 'Give a Finnish IBAN (FI and 16 digits) whose check digits match.',
  'error.invalidBic': 'The BIC is not valid',
  'error.invalidBic.detail': 'A BIC has 8 or 11 characters, for example OKOYFIHH.',
  'error.invalidBusinessId': 'The business ID is not valid',
  'error.invalidBusinessId.detail':
    'Give the business ID as 1234567-8, with a matching check digit.',
  'email.invoice.subject': 'Invoice {number} – {municipality}',
  'email.invoice.intro':
    'Thank you for your order! It will be invoiced. Please pay the invoice by the due date. – {municipality}',
  'email.invoice.pdf': 'The invoice as PDF (sign in to the service):',
  'email.invoice.order': 'Your order:',
  'invoice.title': 'Invoice',
  'invoice.number': 'Invoice number',
  'invoice.issueDate': 'Invoice date',
  'invoice.dueDate': 'Due date',
  'invoice.reference': 'Reference number',
  'invoice.rfReference': 'RF reference',
  'invoice.buyer': 'Buyer',
  'invoice.payer': 'Payer',
  'invoice.payee': 'Payee',
  'invoice.iban': "Payee's account",
  'invoice.bic': 'BIC',
  'invoice.businessId': 'Business ID',
  'invoice.amount': 'Amount',
  'invoice.product': 'Product',
  'invoice.quantity': 'Quantity',
  'invoice.unitPrice': 'Unit price',
  'invoice.vatRate': 'VAT %',
  'invoice.lineTotal': 'Total',
  'invoice.net': 'Net',
  'invoice.vat': 'VAT',
  'invoice.gross': 'Gross',
  'invoice.total': 'Total to pay',
  'invoice.paymentInstructions':
    'Please use the reference number {reference} when you pay. Prices include VAT.',
  'invoice.virtualBarcode': 'Virtual barcode',
  'error.soldWithBooking': 'Not sold on its own',
  'error.soldWithBooking.detail': 'This price is paid with a booking or a course registration.',
  'notification.reservationBookedForYou': 'A booking was made for you',
  'notification.reservationBookedForYou.body': '{resource}, {time}.',
  'notification.reservationBookedForYouPay': 'A booking was made for you – pay for it',
  'notification.reservationBookedForYouPay.body':
    '{resource}, {time}. The booking is in your cart. Pay for it within three days, or the time is released.',
  'error.customerNotOrganisationMember': 'The customer is not a member of the organisation',
  'error.customerNotOrganisationMember.detail':
    'A booking in the organisation’s name can be made only for its members. A member can add the customer on the Organisations page.',
  'error.customerNotFound': 'Customer not found',
  'error.customerNotFound.detail':
    'No user has this email address. Ask the customer to sign in to the service once.',
  'error.courseHasRegistrations': 'The course has registrations',
  'error.courseHasRegistrations.detail':
    "Cancel the course's registrations first. Paid fees are refunded in full.",
  'error.courseCancelled': 'The course is cancelled',
  'error.courseCancelled.detail': 'The course has been cancelled and takes no more registrations.',
  'error.cancelReasonRequired': 'Give the reason for cancelling',
  'error.cancelReasonRequired.detail':
    'The reason is told to every guardian who registered a child.',
  'notification.courseCancelled': 'Course cancelled: {course}',
  'notification.courseCancelled.body':
    "{course} has been cancelled, so {child}'s registration has ended. Reason: {reason}",
  'notification.courseCancelledRefunded': 'Course cancelled: {course}',
  'notification.courseCancelledRefunded.body':
    "{course} has been cancelled, so {child}'s registration has ended. Reason: {reason} The course fee of {amount} you paid is refunded in full.",
  'error.receiptNotPaid': 'The order is not paid',
  'error.receiptNotPaid.detail': 'The receipt is available once the order has been paid.',
  'email.receipt.pdf': 'The receipt as PDF (sign in to the service):',
  'receipt.title': 'Receipt',
  'receipt.order': 'Order',
  'receipt.paidAt': 'Paid',
  'receipt.paymentMethod': 'Payment method',
  'receipt.method.online': 'Online payment ({provider})',
  'receipt.method.invoice': 'Invoice {number}',
  'receipt.total': 'Total paid',
  'receipt.note': 'Prices include VAT. Thank you!',
  'receipt.orderId': 'Order ID',
  'error.termsNotAccepted': 'Accept the terms of use',
  'error.termsNotAccepted.detail':
    "Read the facility's terms of use and accept them before booking. If the terms just changed, read them again.",
  'error.termsLanguages': 'Write the terms in every language',
  'error.termsLanguages.detail':
    'Give the terms of use in Finnish, Swedish and English, or leave all empty if the facility has no terms.',
  'error.absenceRange': 'Check the days',
  'error.absenceRange.detail': 'The last day of the absence cannot be before the first.',
  'error.absencePast': 'A past day cannot be reported',
  'error.absencePast.detail': 'An absence can be reported for today or later days.',
  'error.absenceCutoff': "Today's reporting time has passed",
  'error.absenceCutoff.detail':
    "An absence for today can be reported until {time}. Tell the child's group directly, for example by phone.",
  'error.absenceTooFar': 'The day is too far ahead',
  'error.absenceTooFar.detail': 'An absence can be reported at most {days} days ahead.',
  'error.absenceNoDays': 'The child has no daycare days on the chosen days',
  'error.absenceNoDays.detail':
    '{child} has no daycare placement, or the unit is closed, on the chosen days.',
  'error.absenceStaffPast': 'A past absence cannot be changed',
  'error.absenceStaffPast.detail': 'Staff can record and remove absences from today on.',
  'error.absenceLocked': 'The absence can no longer be cancelled',
  'error.absenceLocked.detail':
    "A past day's absence cannot be cancelled, nor today's after {time}. Tell the child's group directly.",
  'error.daycareNameTaken': 'The name is taken',
  'error.daycareNameTaken.detail':
    'The municipality already has a unit with this name, or the unit already has a group with this name.',
  'error.placementRange': "Check the placement's dates",
  'error.placementRange.detail': 'The placement cannot end before it starts.',
  'error.placementOverlap': 'The child already has a placement on these days',
  'error.placementOverlap.detail':
    'A child is in one group at a time. End the earlier placement first.',
  'error.guardianNotFound': 'Guardian not found',
  'error.guardianNotFound.detail':
    'No user has the address {email}. The guardian needs to sign in to the service once.',
  'error.staffMemberExists': 'The person is already added',
  'error.staffMemberExists.detail': 'The person already works in this unit or group.',
  'daycare.category.sick': 'illness',
  'daycare.category.other': 'other reason',
  'daycare.category.holiday': 'holiday',
  'daycare.ageGroup.under3': 'under 3-year-olds',
  'daycare.ageGroup.age3to5': '3–5-year-olds',
  'daycare.ageGroup.preschool': 'pre-school',
  'notification.freePlaces': 'Free places: {unit}, {ageGroup}',
  'notification.freePlaces.body': '{unit}: {places} free places ({ageGroup}) from {date}.',
  'notification.freePlaces.note': 'Note: {note}',
  'notification.freePlaces.unsubscribe':
    "The link shows the unit's free places and stops these alerts (you can keep them on from the same page).",
  'error.freePlaceDatePast': 'The day has passed',
  'error.freePlaceDatePast.detail': 'Free places can be recorded from today on.',
  'error.freePlaceDateTooFar': 'The day is too far ahead',
  'error.freePlaceDateTooFar.detail': 'Free places can be recorded at most {days} days ahead.',
  'error.freePlaceSubscriptionLimit': 'You have too many subscriptions',
  'error.freePlaceSubscriptionLimit.detail':
    'You can have at most {max} free-place subscriptions. Remove one first.',
  'notification.daycareAbsence.reported': 'Absent today: {child}',
  'notification.daycareAbsence.reported.body': '{child} ({group}) is absent today: {category}.',
  'notification.daycareAbsence.cancelled': 'Coming today after all: {child}',
  'notification.daycareAbsence.cancelled.body':
    "{child}'s ({group}) absence for today was cancelled.",
  'notification.daycareAbsence.note': "The guardian's note: {note}",
  'error.discussionDeadlinePast': 'The booking deadline cannot be in the past',
  'error.discussionDeadlinePast.detail':
    'Choose today or a later day as the last day for bookings.',
  'error.discussionChildren': 'Check the children',
  'error.discussionChildren.detail': "Choose one or more of the group's children.",
  'error.discussionStaff': "The slot's holder must be on the unit's staff",
  'error.discussionStaff.detail': 'Choose a staff member of the unit to hold the discussion.',
  'error.discussionSlotTimes': 'Check the times',
  'error.discussionSlotTimes.detail':
    'A slot must end after it starts, and a series must fit at least one slot.',
  'error.discussionSlotPast': 'The time has passed',
  'error.discussionSlotPast.detail': 'Discussion slots must be in the future.',
  'error.discussionTooManySlots': 'Too many slots at once',
  'error.discussionTooManySlots.detail': 'Add at most {max} slots at once.',
  'error.discussionStaffOverlap': 'Overlapping slot',
  'error.discussionStaffOverlap.detail':
    'The staff member already holds a discussion at that time.',
  'error.discussionSlotBooked': 'The slot is booked',
  'error.discussionSlotBooked.detail':
    'A booked slot cannot be changed. You can cancel it, and the guardian is told.',
  'error.discussionSlotTaken': 'Someone booked the slot first',
  'error.discussionSlotTaken.detail':
    'The slot was just booked for another child. Choose another time.',
  'error.discussionChildBooked': 'The child already has a time',
  'error.discussionChildBooked.detail':
    'A time was just booked for the child in this survey. Refresh the page.',
  'error.discussionDeadline': 'The booking time is over',
  'error.discussionDeadline.detail':
    'Times could be booked, changed and cancelled until {deadline}. Please contact the daycare.',
  'error.eventDates': 'Check the days',
  'error.eventDates.detail':
    'The last day cannot be before the first, and an event can last at most a year.',
  'error.eventTimes': 'Check the times',
  'error.eventTimes.detail': 'Give both a start and an end time, or neither.',
  'error.eventPast': 'The event is in the past',
  'error.eventPast.detail': 'The event must start today or later.',
  'notification.discussion.published': 'Book a discussion time: {title}',
  'notification.discussion.published.body':
    '{unit} asks you to book a discussion time ({children}) by {deadline}.',
  'notification.discussion.remind': 'Reminder: book a discussion time',
  'notification.discussion.remind.body':
    '{title}: {children} has no time yet. Please book one by {deadline}.',
  'notification.discussionBooking.reminder': 'Discussion tomorrow: {title}',
  'notification.discussionBooking.reminder.body': '{child}: {time}, {place}. With {staff}.',
  'notification.discussionBooking.cancelled': 'Discussion time cancelled: {title}',
  'notification.discussionBooking.cancelled.body':
    'The daycare cancelled the time {time} ({child}). Please book a new time.',
  'calendar.absence': 'Absent: {children} ({category})',
  'calendar.discussion': '{title}: {children}',
  'calendar.discussionWith': 'With {staff}',
  'email.message.subject': 'New message: {from}',
  'email.message.urgentSubject': 'Urgent message: {from}',
  'email.message.body': 'You have a new message from {from}. Read it in Helppo:',
  'email.message.reminder':
    'Reminder: {from} asks you to acknowledge a message as read. Read it in Helppo:',
  'notification.messageReminder': 'Acknowledge the message: {title}',
  'notification.messageReminder.body':
    '{from} asks you to acknowledge the message as read and understood.',
  'error.messageNoRecipients': 'The message has no recipients',
  'error.messageNoRecipients.detail': 'Nobody is placed today where the message would go.',
  'error.bulletinNoReplies': 'A bulletin cannot be replied to',
  'error.bulletinNoReplies.detail': 'Bulletins are one way. Send a new message if needed.',
  'error.messageNoAck': 'The message needs no acknowledgement',
  'error.messageNoAck.detail': 'Only messages that ask for it are acknowledged.',
  'error.attachmentCount': 'Too many attachments',
  'error.attachmentCount.detail': 'At most {max} attachments at a time.',
  'error.attachmentTooLarge': 'The attachment {name} is too large',
  'error.attachmentTooLarge.detail': 'One attachment can be at most {mb} MB.',
  'error.attachmentsTooLarge': 'The attachments are too large together',
  'error.attachmentsTooLarge.detail': 'The attachments can be at most {mb} MB together.',
  'error.attachmentType': 'The file type of the attachment {name} is not accepted',
  'error.attachmentType.detail':
    'The attachment must be a JPEG, PNG or WebP image or a PDF file, and its content must match its type.',
  'email.notification.footer': 'This message was sent by the Helppo service of {municipality}.',
  // Organisations as buyers, seasons priced and credited (issue 3).
  'error.notOrganisationMember': 'You cannot act for this organisation',
  'error.notOrganisationMember.detail':
    'Only the members of an organisation can book and buy in its name. Ask a member to add you.',
  'error.invalidRegisterNumber': 'The association register number is not valid',
  'error.invalidRegisterNumber.detail':
    "Give the association's number in the Finnish associations register, for example 123.456.",
  'error.businessIdRequired': 'The business ID is missing',
  'error.businessIdRequired.detail': 'A company always has a business ID. Give it as 1234567-8.',
  'error.organisationIdRequired': 'Give a business ID or an association register number',
  'error.organisationIdRequired.detail':
    'A registered association is identified by its business ID or, if it has none, by its number in the associations register.',
  'error.invalidEInvoiceAddress': 'The e-invoice address is not valid',
  'error.invalidEInvoiceAddress.detail':
    'Give the e-invoice address as an OVT code (0037 and the digits of the business ID) or an IBAN, and its operator.',
  'error.eInvoiceOperatorRequired': 'The e-invoice operator is missing',
  'error.eInvoiceOperatorRequired.detail':
    'Give the operator code of the e-invoice address (for example 003721291126 or NDEAFIHH).',
  'error.organisationExists': 'The organisation is already registered',
  'error.organisationExists.detail':
    'An organisation with the same business ID exists. Ask one of its members to add you.',
  'error.organisationKindByStaff': 'Only staff can change the kind of an organisation',
  'error.organisationKindByStaff.detail':
    "The kind (association or company) decides the prices. Contact the municipality's sports services.",
  'error.alreadyMember': 'The person is already a member',
  'error.alreadyMember.detail': 'The person can already act for the organisation.',
  'error.lastMember': 'The last member cannot be removed',
  'error.lastMember.detail':
    'An organisation always has at least one member. Add another member first, or ask staff to deactivate the organisation.',
  'error.invoiceCredited': 'The invoice has been credited',
  'error.invoiceCredited.detail': 'Nothing is left to pay: every line of the invoice was credited.',
  'notification.organisationMemberAdded': 'You were added as a member of {organisation}',
  'notification.organisationMemberAdded.body':
    '{by} added you. You can now book and buy in the name of {organisation}.',
  'notification.reservationSeriesConfirmed': 'Your season booking is confirmed',
  'notification.reservationSeriesConfirmed.body':
    '{resource}: {count} times, {first} – {last}. In total {total}.',
  'notification.reservationSeriesApproved': 'Your season request was approved',
  'notification.reservationSeriesApproved.body': '{resource}: {count} times, {first} – {last}.',
  'notification.reservationSeriesApprovedPay': 'Your season request was approved – pay for it',
  'notification.reservationSeriesApprovedPay.body':
    '{resource}: {count} times, {first} – {last}, in total {total}. The bookings are in the cart. Pay or order by invoice within three days, or the times are released.',
  'notification.reservationSeriesDenied': 'Your season request could not be approved',
  'notification.reservationSeriesDenied.body':
    '{resource}: {count} times, {first} – {last}. Reason: {reason}',
  'notification.reservationSeriesCancelled': 'The bookings of the season were cancelled',
  'notification.reservationSeriesCancelled.body':
    '{resource}: {count} coming times, {first} – {last}.',
  'notification.seriesRefund': 'We refund {amount}.',
  'notification.seriesCredit': '{amount} is credited on the invoice.',
  'email.credit.subject': 'Credit on invoice {number} – {municipality}',
  'email.credit.body':
    '{amount} has been credited on invoice {number} for cancelled bookings. Now to pay: {due}; use the same reference number. – {municipality}',
  'invoice.registerNumber': 'Association register no.',
  'invoice.eInvoice': 'E-invoice address',
  'invoice.buyerReference': 'Your reference',
  'invoice.credited': 'Credited',
  'invoice.amountDue': 'Amount due',
};

// A module with many texts keeps them in its own file.
export const messages: Record<Language, Messages> = {
  fi: { ...fi, ...portfolioMessages.fi, ...casesMessages.fi, ...portfolioImportMessages.fi },
  sv: { ...sv, ...portfolioMessages.sv, ...casesMessages.sv, ...portfolioImportMessages.sv },
  en: { ...en, ...portfolioMessages.en, ...casesMessages.en, ...portfolioImportMessages.en },
};

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
