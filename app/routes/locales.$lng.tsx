import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { notFound } from "~/auth/guards.server";
import { isSupportedLanguage, resources, resourcesVersion } from "~/i18n/resources.server";

/** One language's strings for the browser, served from the top-level locales/ folder. */
export function loader({ params, request }: LoaderFunctionArgs) {
  const lng = params.lng;
  if (!isSupportedLanguage(lng)) notFound();
  const versioned = new URL(request.url).searchParams.get("v") === resourcesVersion;
  return json(resources[lng], {
    headers: {
      "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
