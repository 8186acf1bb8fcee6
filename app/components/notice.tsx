import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { loader as rootLoader } from "~/root";

/**
 * Confirms the change just made, in the reader's language. The notice comes from a one-time
 * cookie read by the root loader (see `redirectWithNotice`), never from the address.
 */
export function DoneNotice() {
  const { t } = useTranslation();
  const done = useRouteLoaderData<typeof rootLoader>("root")?.notice;
  if (!done) return null;
  const text = t(`notices.${done}`, { defaultValue: "" });
  if (!text) return null;
  return (
    <p role="status" className="notice">
      {text}
    </p>
  );
}
