/** i18next options shared by the server and the browser. */
export const fallbackLanguage = "es";
export const defaultNS = "common";

export const i18nOptions = {
  fallbackLng: fallbackLanguage,
  defaultNS,
  // React already escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;

/** The id of the JSON block of translations each server-rendered page carries. */
export const INLINE_TRANSLATIONS_ID = "i18n-data";
