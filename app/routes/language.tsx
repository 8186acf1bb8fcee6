import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { saveLanguagePreference } from "~/auth/accounts.server";
import { safeRedirect } from "~/http/redirect";
import { languageCookie } from "~/i18n/i18next.server";
import { isSupportedLanguage } from "~/i18n/resources.server";

export const loader = () => redirect("/");

/** The language switcher: remembers the choice and returns to the same page. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  const back = safeRedirect(form.get("redirectTo"), "/");
  if (!isSupportedLanguage(lng)) return redirect(back);
  if (context.user) await saveLanguagePreference(context.user.id, lng);
  return redirect(back, { headers: { "Set-Cookie": await languageCookie.serialize(lng) } });
}
