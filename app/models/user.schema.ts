// The administrator's user forms: one zod schema each, shared by browser and server.
import * as z from "zod";
import { choice, requiredText } from "~/lib/form.ts";

export const ROLES = ["viewer", "staff", "admin"] as const;
export type UserRole = (typeof ROLES)[number];

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export const newUserSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1)
      .max(254)
      .pipe(z.email({ message: "validation.notEmail" }))
      .transform((v) => v.toLowerCase()),
    name: requiredText(200),
    role: choice(ROLES),
    password: z
      .string()
      .min(1)
      .refine((v) => v.length >= PASSWORD_MIN, { message: "validation.passwordTooShort", params: { min: PASSWORD_MIN } })
      .refine((v) => v.length <= PASSWORD_MAX, { message: "validation.tooLong", params: { max: PASSWORD_MAX } }),
  })
  .superRefine((v, ctx) => {
    const local = v.email.split("@")[0];
    if (local && local.length >= 4 && v.password.toLowerCase().includes(local)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "validation.passwordHasEmail" });
    }
  });
export type NewUserInput = z.output<typeof newUserSchema>;

export const roleSchema = z.object({ role: choice(ROLES) });
