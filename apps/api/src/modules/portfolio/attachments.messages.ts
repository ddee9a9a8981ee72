/** Server-side texts of idea attachments (errors), merged into portfolio.messages.ts. */
type Messages = Record<string, string>;

const fi: Messages = {
  'error.portfolioAttachmentAltText': 'Kuvalta {name} puuttuu kuvaus',
  'error.portfolioAttachmentAltText.detail':
    'Kerro jokaisesta kuvasta lyhyesti, mitä siinä näkyy. Kuvaus luetaan ruudunlukijalla.',
};

const sv: Messages = {
  'error.portfolioAttachmentAltText': 'Bilden {name} saknar beskrivning',
  'error.portfolioAttachmentAltText.detail':
    'Beskriv kort vad varje bild visar. Beskrivningen läses upp av skärmläsare.',
};

const en: Messages = {
  'error.portfolioAttachmentAltText': 'The image {name} has no description',
  'error.portfolioAttachmentAltText.detail':
    'Tell briefly what each image shows. Screen readers read the description aloud.',
};

export const attachmentMessages = { fi, sv, en };
