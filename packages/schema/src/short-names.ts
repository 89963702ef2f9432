import { z } from "zod";
import { templateError } from "./wording.js";

/**
 * How the simulated user calls a row it has already named in the dialogue (`wording.short_names.<table>`):
 * people say "the Tiberius" or "Dr Raman" the second time, not the whole "Tiberius Gym Tank" or
 * "Dr Priya Raman" on every mention. Which words of the title are kept is declared here; which
 * rows have such a short name the engine reads from the table itself (below), so a title whose
 * words would not name it alone keeps its full name.
 */
export const SHORT_NAME_WORDS = ["first", "first_last"] as const;

const said = (lang: string) =>
  z
    .string()
    .min(1)
    .superRefine((t, ctx) => {
      const err = templateError(t, ["short"]);
      if (err) ctx.addIssue({ code: "custom", message: `${err} (in "${t}")` });
      else if (!t.includes("{short}")) ctx.addIssue({ code: "custom", message: `"${t}" does not say {short}` });
    })
    .optional()
    .describe(`how the short name is said in ${lang} (a template with {short}, "[the {short}|the {short} one]"); without it the short name alone`);

export const ShortName = z
  .strictObject({
    words: z
      .enum(SHORT_NAME_WORDS)
      .describe(
        "which words of the title are kept: `first`, the first word, for a title of three words or more whose first word is in no other title, is no value of the table's other fields and never appears in lower case in its text (a product line's name: \"Tiberius\" of \"Tiberius Gym Tank\"; \"Girl\" of a dress too, so a pack whose first words are common words should not declare it); `first_last`, the first and last words, for a title of three words or more when no other title has the same two (\"Dr Raman\" of \"Dr Priya Raman\")",
      ),
    en: said("English"),
    hi: said("Hindi (a form ending in वाला is said वाले before a postposition)"),
    mixed: said("Hinglish (a form ending in wala is said wale before a postposition)"),
  })
  .meta({ id: "WordingShortName", description: "how the user calls a row of this table once it has named it: which words of its title, said how in each language" });
export type ShortName = z.infer<typeof ShortName>;
