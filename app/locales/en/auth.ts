export const auth = {
  signIn: "Sign in",
  signOut: "Sign out",
  signedInAs: "Signed in as {{name}} ({{role}})",
  email: "Email",
  password: "Password",
  title: "Sign in to Vigía",
  intro: "Staff and researchers sign in to log, verify and link cases. The dashboards are public.",
  failed: "The email or password is not right, or the account is locked for a while after too many attempts. Try again, or ask an administrator.",
  required: "Enter your email and password.",
  tooMany: "Too many sign-in attempts from here or for this account. Wait a few minutes and try again.",
  signedOut: "You are signed out.",
  roles: { viewer: "viewer", staff: "staff", admin: "administrator" },
};
