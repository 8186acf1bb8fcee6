import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/auth/session.server";

// Logging out changes state, so it is a POST only; a GET just goes home.
export const loader = () => redirect("/");

export async function action({ context }: ActionFunctionArgs) {
  if (!context.session) return redirect("/");
  const cookie = await endSession(context.session.id);
  return redirect("/", { headers: { "Set-Cookie": cookie } });
}
