export const forms = {
  /** A save refused because someone saved the same record in between (409). */
  conflict: {
    title: "Someone else saved this record while you were editing",
    intro: "Your changes are not saved. The record is now at version {{version}}, saved by {{name}} on {{date}}. The form below still holds what you typed.",
    again:
      "Where only they changed a field, the form now holds their value; where you both changed it, the form keeps yours. Saving again stores what the form holds.",
    inForm: "Now in the form",
    keptYours: "your value",
    tookTheirs: "their value",
    field: "Field",
    theirs: "Saved version (theirs)",
    yours: "Your version",
    noFieldChanges: "No field of this form differs from the saved version: you can save yours as it is.",
    discard: "Discard my changes and open the saved version",
    unknownUser: "another user",
  },
};
