import { useMemo } from "react";
import { useTranslation } from "~/i18n/use-translation";

/**
 * `t` for a label repeated down a table or a list (a mark in each cell of the course matrix,
 * the four choices of each row of an attendance form): each key is looked up once per render,
 * not once per cell. i18next resolves every call anew (namespace, key path, fallbacks), and
 * the matrix made 600 of them for a dozen distinct labels: 3 ms a view (issue 11). Plain keys
 * only — a label with values goes through `t`.
 */
export function labelsOf(t: (key: string) => string): (key: string) => string {
  const seen = new Map<string, string>();
  return (key) => {
    let label = seen.get(key);
    if (label === undefined) seen.set(key, (label = t(key)));
    return label;
  };
}

export function useLabels(ns?: string): (key: string) => string {
  const { t } = useTranslation(ns);
  return useMemo(() => labelsOf(t), [t]);
}
