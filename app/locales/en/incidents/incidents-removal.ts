// incidents: duplicates, purge (a chunk of its own in the browser: docs/decisions/126).
export const texts = {
  duplicates: {
    title: "Possible duplicates: the case is not saved yet",
    intro:
      "These cases are in the same state, within {{days}} days, and have a similar name (or no name and the same type of attack). A duplicate counts a person twice: open them before saving.",
    confirm: "I checked these cases: this is a different attack. Save it anyway.",
    similarity: "Similarity",
    open: "Open (new tab)",
  },
  purge: {
    title: "Purge this case for good",
    intro:
      "Purging removes the case, its sources and its staff-only fields from the database. It cannot be undone. The audit log keeps who purged it and its non-sensitive fields.",
    notDeleted: "Only a deleted case can be purged. Delete it first.",
    confirm: "I understand that this case will be removed for good.",
    submit: "Purge permanently",
    cancel: "Keep the case",
    done: "The case was purged.",
  },
};
