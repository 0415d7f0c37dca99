// The administrator's user forms: one zod schema each, shared by browser and server.
import { z } from "zod";
import { issuesToErrors, type FieldErrors } from "~/lib/form-errors.ts";

export const ROLES = ["viewer", "staff", "admin"] as const;
export type UserRole = (typeof ROLES)[number];

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export interface NewUserValues {
  email: string;
  name: string;
  role: string;
  password: string;
}

export const newUserSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1)
      .max(254)
      .pipe(z.email({ message: "validation.notEmail" })),
    name: z.string().trim().min(1).max(200),
    role: z.string().refine((v) => (ROLES as readonly string[]).includes(v), { message: "validation.unknownChoice" }),
    password: z
      .string()
      .min(1)
      .refine((v) => v.length >= PASSWORD_MIN, { message: "validation.passwordTooShort", params: { min: PASSWORD_MIN } })
      .refine((v) => v.length <= PASSWORD_MAX, { message: "validation.tooLong", params: { max: PASSWORD_MAX } }),
  })
  .superRefine((v, ctx) => {
    const local = v.email.split("@")[0]?.toLowerCase();
    if (local && local.length >= 4 && v.password.toLowerCase().includes(local)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "validation.passwordHasEmail" });
    }
  });

export function readNewUserForm(form: { get(name: string): FormDataEntryValue | null }): NewUserValues {
  const s = (n: string) => {
    const v = form.get(n);
    return typeof v === "string" ? v : "";
  };
  return { email: s("email"), name: s("name"), role: s("role") || "viewer", password: s("password") };
}

export function validateNewUser(
  values: NewUserValues,
): { ok: true; data: { email: string; name: string; role: UserRole; password: string } } | { ok: false; errors: FieldErrors } {
  const result = newUserSchema.safeParse(values);
  if (!result.success) return { ok: false, errors: issuesToErrors(result.error.issues) };
  return { ok: true, data: { ...result.data, email: result.data.email.toLowerCase(), role: result.data.role as UserRole } };
}
