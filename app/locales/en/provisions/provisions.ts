// provisions: every key of provisions that no other file of this folder holds (a chunk of its own in the browser: docs/decisions/126).
export const texts = {
  casesSource: "Vigía case records: {{gwDataset}}; cases logged and verified by Vigía staff. Links reviewed by Vigía staff.",
  gap: "Gap",
  gapHelp: "A gap: a commitment the partnership lacks. It is listed so that cases can be set against what is missing.",
  pillar: "Pillar",
  madeOn: "Commitment made",
  madeOnUnknown: "date not known",
  noSource: "no source recorded",
  status: {
    label: "Confirmation",
    values: {
      confirmed: "confirmed",
      press_summary: "from a press summary",
      reported: "reported",
      unconfirmed: "unconfirmed",
    },
    help: {
      confirmed: "confirmed against the official text or the body that made it",
      press_summary: "known only from a press summary of the official text; the official text itself was not seen",
      reported: "reported by a secondary source; the official text was not seen",
      unconfirmed: "could not be confirmed",
    },
  },
  pillars: {
    framework: "Framework",
    i_prosperity: "I. Prosperity",
    i_prosperity_iv_environment: "I. Prosperity / IV. Environment",
    ii_mobility_inclusivity_and_well_being: "II. Mobility, inclusivity and well-being",
    iii_security: "III. Security",
    iv_environment_and_sustainability: "IV. Environment and sustainability",
    gap: "Gaps (commitments not found)",
    human_rights: "Human rights",
    environmental_democracy: "Environmental democracy",
    canadian_policy: "Canadian policy",
    mining_cooperation: "Mining cooperation",
  },
};
