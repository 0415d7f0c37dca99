// The administrator's user forms: one zod schema each, checked by the server.
import * as z from "zod";
import { built, choice, requiredText } from "~/lib/form.ts";

export const ROLES = ["viewer", "staff", "admin"] as const;
export type UserRole = (typeof ROLES)[number];

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/** A password someone chooses: the same rules wherever one is set. */
const newPassword = /* @__PURE__ */ built(() =>
  z
    .string()
    .min(1)
    .refine((v) => v.length >= PASSWORD_MIN, { message: "validation.passwordTooShort", params: { min: PASSWORD_MIN } })
    .refine((v) => v.length <= PASSWORD_MAX, { message: "validation.tooLong", params: { max: PASSWORD_MAX } }),
);

export const newUserSchema = /* @__PURE__ */ built(() =>
  z
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
      password: newPassword,
    })
    .superRefine((v, ctx) => {
      const local = v.email.split("@")[0];
      if (local && local.length >= 4 && v.password.toLowerCase().includes(local)) {
        ctx.addIssue({ code: "custom", path: ["password"], message: "validation.passwordHasEmail" });
      }
    }),
);
export type NewUserInput = z.output<typeof newUserSchema>;

export const roleSchema = /* @__PURE__ */ built(() => z.object({ role: choice(ROLES) }));

/** An administrator's reset: the temporary password to hand over. */
export const resetPasswordSchema = /* @__PURE__ */ built(() => z.object({ password: newPassword }));

/** Changing one's own password: the current one, and the new one twice. */
export const changePasswordSchema = /* @__PURE__ */ built(() =>
  z
    .object({
      currentPassword: z.string().min(1).max(PASSWORD_MAX),
      newPassword,
      confirmPassword: z.string().min(1).max(PASSWORD_MAX),
    })
    .superRefine((v, ctx) => {
      if (v.newPassword !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "validation.passwordsDiffer" });
    }),
);

/** A code from an authenticator app (or, at sign-in, a recovery code). */
export const codeSchema = /* @__PURE__ */ built(() => z.object({ code: z.string().trim().min(1).max(32) }));

/** Turning the second factor off, or new recovery codes: the password and a code. */
export const passwordAndCodeSchema = /* @__PURE__ */ built(() =>
  z.object({ password: z.string().min(1).max(PASSWORD_MAX), code: z.string().trim().min(1).max(32) }),
);
