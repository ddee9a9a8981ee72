/** The case bank's server-side texts (errors), merged into messages.ts. */
type Messages = Record<string, string>;

const fi: Messages = {
  'error.caseIncomplete': 'Tapauskortti on keskeneräinen',
  'error.caseIncomplete.detail': 'Täytä ennen julkaisua: {fields}.',
  'error.caseMetricInvalid': 'Mittari on puutteellinen',
  'error.caseMetricInvalid.detail': 'Anna jokaiselle mittarille nimi (enintään 100 merkkiä).',
  'error.casePhotoType': 'Kuvan tiedostomuotoa ei hyväksytä',
  'error.casePhotoType.detail': 'Kuvan on oltava JPEG-, PNG- tai WebP-kuva.',
  'error.casePhotoSize': 'Kuva on liian suuri',
  'error.casePhotoSize.detail': 'Kuva saa olla enintään {mb} Mt.',
  'error.casePhotoLimit': 'Kuvia on jo enimmäismäärä',
  'error.casePhotoLimit.detail': 'Tapauskortissa voi olla enintään {max} kuvaa.',
  'error.caseNotPublished': 'Tapausta ei ole julkaistu',
  'error.caseNotPublished.detail': 'Vain julkaistua tapausta voi kannattaa tai kopioida.',
  'error.caseOwnMunicipality': 'Tapaus on jo oman kuntasi',
  'error.caseOwnMunicipality.detail': 'Kopioi muiden kuntien tapauksia omaan ideasalkkuusi.',
  'error.caseAlreadyCopied': 'Tapaus on jo kopioitu',
  'error.caseAlreadyCopied.detail': 'Kuntasi on jo kopioinut tämän tapauksen ideaksi.',
  'error.caseIdeaUnknown': 'Ideaa ei löydy',
  'error.caseIdeaUnknown.detail': 'Tapauskortti voi perustua vain oman kuntasi salkun ideaan.',
  'error.casePublishedDelete': 'Julkaistua tapausta ei voi poistaa',
  'error.casePublishedDelete.detail': 'Palauta tapaus ensin luonnokseksi.',
};

const sv: Messages = {
  'error.caseIncomplete': 'Fallkortet är inte färdigt',
  'error.caseIncomplete.detail': 'Fyll i före publiceringen: {fields}.',
  'error.caseMetricInvalid': 'En mätare är ofullständig',
  'error.caseMetricInvalid.detail': 'Ge varje mätare ett namn (högst 100 tecken).',
  'error.casePhotoType': 'Bildens filformat godkänns inte',
  'error.casePhotoType.detail': 'Bilden ska vara en JPEG-, PNG- eller WebP-bild.',
  'error.casePhotoSize': 'Bilden är för stor',
  'error.casePhotoSize.detail': 'Bilden får vara högst {mb} MB.',
  'error.casePhotoLimit': 'Fallet har redan högsta antalet bilder',
  'error.casePhotoLimit.detail': 'Ett fallkort kan ha högst {max} bilder.',
  'error.caseNotPublished': 'Fallet är inte publicerat',
  'error.caseNotPublished.detail': 'Bara ett publicerat fall kan stödjas eller kopieras.',
  'error.caseOwnMunicipality': 'Fallet hör redan till din kommun',
  'error.caseOwnMunicipality.detail': 'Kopiera andra kommuners fall till er idéportfölj.',
  'error.caseAlreadyCopied': 'Fallet är redan kopierat',
  'error.caseAlreadyCopied.detail': 'Din kommun har redan kopierat fallet som en idé.',
  'error.caseIdeaUnknown': 'Idén hittas inte',
  'error.caseIdeaUnknown.detail':
    'Ett fallkort kan bara bygga på en idé i din egen kommuns portfölj.',
  'error.casePublishedDelete': 'Ett publicerat fall kan inte raderas',
  'error.casePublishedDelete.detail': 'Återställ fallet till utkast först.',
};

const en: Messages = {
  'error.caseIncomplete': 'The case card is not complete',
  'error.caseIncomplete.detail': 'Fill in before publishing: {fields}.',
  'error.caseMetricInvalid': 'A metric is incomplete',
  'error.caseMetricInvalid.detail': 'Give every metric a name (at most 100 characters).',
  'error.casePhotoType': 'The image format is not accepted',
  'error.casePhotoType.detail': 'The photo must be a JPEG, PNG or WebP image.',
  'error.casePhotoSize': 'The photo is too large',
  'error.casePhotoSize.detail': 'A photo may be at most {mb} MB.',
  'error.casePhotoLimit': 'The case has the most photos it can have',
  'error.casePhotoLimit.detail': 'A case card can have at most {max} photos.',
  'error.caseNotPublished': 'The case is not published',
  'error.caseNotPublished.detail': 'Only a published case can be supported or copied.',
  'error.caseOwnMunicipality': "The case is already your municipality's",
  'error.caseOwnMunicipality.detail': "Copy other municipalities' cases into your portfolio.",
  'error.caseAlreadyCopied': 'The case is already copied',
  'error.caseAlreadyCopied.detail': 'Your municipality has already copied this case as an idea.',
  'error.caseIdeaUnknown': 'The idea is not found',
  'error.caseIdeaUnknown.detail':
    "A case card can only be based on an idea in your own municipality's portfolio.",
  'error.casePublishedDelete': 'A published case cannot be deleted',
  'error.casePublishedDelete.detail': 'Return the case to a draft first.',
};

export const casesMessages = { fi, sv, en };
