import { useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Confirms the change just made ("?done=…" after a redirect), in the reader's language. */
export function DoneNotice() {
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const done = params.get("done");
  if (!done || !/^[a-zA-Z]+$/.test(done)) return null;
  const text = t(`notices.${done}`, { defaultValue: "" });
  if (!text) return null;
  return (
    <p role="status" className="notice">
      {text}
    </p>
  );
}
