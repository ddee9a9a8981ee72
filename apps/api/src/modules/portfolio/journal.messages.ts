/** The experiment journal's server-side texts (errors), merged into messages.ts. */
type Messages = Record<string, string>;

const fi: Messages = {
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
