import { redirect } from "next/navigation";
import { navFor } from "~/components/shell/nav";
import { currentActor } from "~/server/api/current-user";

/** The desk opens on the first area the user's role may use. */
export default async function HomePage() {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  redirect(navFor(actor.role)[0]?.href ?? "/login");
}
