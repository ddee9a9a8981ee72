/** The API's own texts of Web Push and notification preferences (merged into i18n/messages). */
export const pushMessages = {
  fi: {
    'error.pushSubscriptionInvalid': 'Laitteen ilmoitustilaus ei kelpaa',
    'error.pushSubscriptionInvalid.detail':
      'Selain antoi tilauksen, jota ei voi käyttää. Yritä ilmoitusten käyttöönottoa uudelleen.',
    'push.message.body': 'Sinulle on uusi viesti: {from}.',
    'push.message.reminder': '{from} pyytää sinua kuittaamaan viestin luetuksi.',
  },
  sv: {
    'error.pushSubscriptionInvalid': 'Enhetens aviseringsprenumeration är ogiltig',
    'error.pushSubscriptionInvalid.detail':
      'Webbläsaren gav en prenumeration som inte kan användas. Försök slå på aviseringarna igen.',
    'push.message.body': 'Du har ett nytt meddelande: {from}.',
    'push.message.reminder': '{from} ber dig kvittera meddelandet som läst.',
  },
  en: {
    'error.pushSubscriptionInvalid': "The device's notification subscription is not valid",
    'error.pushSubscriptionInvalid.detail':
      'The browser gave a subscription that cannot be used. Try turning notifications on again.',
    'push.message.body': 'You have a new message from {from}.',
    'push.message.reminder': '{from} asks you to acknowledge a message as read.',
  },
};
