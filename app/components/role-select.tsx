// The choice of a user's role (viewer, staff, admin), with its error: the same on the
// new-user form and on a user's page.
import { useTranslation } from "~/lib/i18n.ts";
import type { FieldErrors } from "~/lib/form-errors.ts";
import { ROLES } from "~/models/user.schema.ts";
import { FieldMessage, fieldProps } from "./form-errors.tsx";

export function RoleSelect({ errors, defaultValue }: { errors: FieldErrors | null | undefined; defaultValue: string }) {
  const { t } = useTranslation();
  return (
    <>
      <select {...fieldProps("role", errors)} name="role" defaultValue={defaultValue}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`app.roles.${r}`)}
          </option>
        ))}
      </select>
      <FieldMessage path="role" errors={errors} />
    </>
  );
}
