import { notFound } from "~/auth/guards.server";

// Unknown addresses get the localized 404 page inside the normal layout.
export function loader(): never {
  notFound();
}

export default function NotFound() {
  return null;
}
