import { NewUserDialog } from "~/components/admin/users/new-user-dialog";
import { UsersManager } from "~/components/admin/users/users-manager";
import { PageHeader } from "~/components/ui/page-header";
import { requirePermission } from "~/app/(desk)/guard";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePermission("users.manage", "/admin/users");
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, and with which role. A change of role applies at the user's next click; deactivating, a new password or signing out everywhere ends their sessions at once."
        actions={<NewUserDialog />}
      />
      <UsersManager currentUserId={actor.id} />
    </>
  );
}
