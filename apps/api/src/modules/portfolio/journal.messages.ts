/** The experiment journal's server-side texts (errors), merged into messages.ts. */
type Messages = Record<string, string>;

const fi: Messages = {
  'error.portfolioLessonsEmpty': 'Kerro, mitä opittiin',
  'error.portfolioLessonsEmpty.detail': 'Kokeilua ei voi päättää kirjaamatta, mitä siitä opittiin.',
  'error.portfolioAlreadyFinished': 'Kokeilu on jo päätetty',
  'error.portfolioAlreadyFinished.detail':
    'Kokeilun lopputulos kirjataan kerran. Kirjoita lisää päiväkirjaan.',
  'error.portfolioNotFinishable': 'Kokeilua ei voi päättää nyt',
  'error.portfolioNotFinishable.detail':
    'Vain käynnissä oleva tai arvioitavana oleva kokeilu voidaan päättää.',
  'error.portfolioNotFinished': 'Kokeilu ei ole vielä päättynyt',
  'error.portfolioNotFinished.detail':
    'Tapauskortti tehdään päättyneestä kokeilusta. Kirjaa ensin kokeilun lopputulos.',
  'error.portfolioJournalEmpty': 'Kirjoita päivitys',
  'error.portfolioJournalEmpty.detail': 'Päiväkirjamerkinnän teksti ei voi olla tyhjä.',
  'error.portfolioJournalVideoUrl': 'Videolinkki ei kelpaa',
  'error.portfolioJournalVideoUrl.detail': 'Anna videon osoite, joka alkaa http:// tai https://.',
  'error.portfolioJournalPhotoLimit': 'Liikaa kuvia',
  'error.portfolioJournalPhotoLimit.detail': 'Merkinnässä voi olla enintään {max} kuvaa.',
  'error.portfolioJournalAltText': 'Kuvalta puuttuu kuvaus',
  'error.portfolioJournalAltText.detail': 'Kerro jokaisesta kuvasta lyhyesti, mitä siinä näkyy.',
};

const sv: Messages = {
  'error.portfolioLessonsEmpty': 'Berätta vad ni lärde er',
  'error.portfolioLessonsEmpty.detail':
    'Ett försök kan inte avslutas utan att lärdomarna skrivs ner.',
  'error.portfolioAlreadyFinished': 'Försöket är redan avslutat',
  'error.portfolioAlreadyFinished.detail':
    'Försökets resultat registreras en gång. Skriv mer i dagboken.',
  'error.portfolioNotFinishable': 'Försöket kan inte avslutas nu',
  'error.portfolioNotFinishable.detail':
    'Endast ett pågående försök eller ett försök som utvärderas kan avslutas.',
  'error.portfolioNotFinished': 'Försöket har inte avslutats ännu',
  'error.portfolioNotFinished.detail':
    'Ett fallkort skrivs om ett avslutat försök. Registrera först försökets resultat.',
  'error.portfolioJournalEmpty': 'Skriv en uppdatering',
  'error.portfolioJournalEmpty.detail': 'Dagboksinlägget kan inte vara tomt.',
  'error.portfolioJournalVideoUrl': 'Videolänken duger inte',
  'error.portfolioJournalVideoUrl.detail':
    'Ange en videoadress som börjar med http:// eller https://.',
  'error.portfolioJournalPhotoLimit': 'För många bilder',
  'error.portfolioJournalPhotoLimit.detail': 'Ett inlägg kan ha högst {max} bilder.',
  'error.portfolioJournalAltText': 'En bild saknar beskrivning',
  'error.portfolioJournalAltText.detail': 'Beskriv kort vad varje bild visar.',
};

const en: Messages = {
  'error.portfolioLessonsEmpty': 'Tell what was learned',
  'error.portfolioLessonsEmpty.detail':
    'An experiment cannot be finished without writing down what was learned.',
  'error.portfolioAlreadyFinished': 'The experiment is finished already',
  'error.portfolioAlreadyFinished.detail':
    "An experiment's outcome is recorded once. Write more in the journal.",
  'error.portfolioNotFinishable': 'The experiment cannot be finished now',
  'error.portfolioNotFinishable.detail':
    'Only a running experiment or one under evaluation can be finished.',
  'error.portfolioNotFinished': 'The experiment has not finished yet',
  'error.portfolioNotFinished.detail':
    'A case card is written from a finished experiment. Record its outcome first.',
  'error.portfolioJournalEmpty': 'Write an update',
  'error.portfolioJournalEmpty.detail': 'A journal post cannot be empty.',
  'error.portfolioJournalVideoUrl': 'The video link is not valid',
  'error.portfolioJournalVideoUrl.detail':
    'Give a video address starting with http:// or https://.',
  'error.portfolioJournalPhotoLimit': 'Too many photos',
  'error.portfolioJournalPhotoLimit.detail': 'A post can have at most {max} photos.',
  'error.portfolioJournalAltText': 'A photo has no description',
  'error.portfolioJournalAltText.detail': 'Tell briefly what each photo shows.',
};

export const journalMessages = { fi, sv, en };
