export const errors = {
  notFoundTitle: "Page not found",
  notFound: "There is no page at this address. Check the link, or start again from the overview.",
  forbiddenTitle: "Not allowed",
  forbidden: "Your account cannot open this page.",
  genericTitle: "Something went wrong",
  generic: "The page could not be shown. Try again in a moment; if it keeps happening, tell the Vigía team.",
  backHome: "Go to the overview",
};
