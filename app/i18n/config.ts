/** i18next options of the server's renders. */
export const fallbackLanguage = "es";
export const defaultNS = "common";

export const i18nOptions = {
  fallbackLng: fallbackLanguage,
  defaultNS,
  // React already escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;
