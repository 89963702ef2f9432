import { z } from "zod";
import { templateError } from "./wording.js";

/**
 * How a Hindi or Hinglish user says a category's request in its own words (`categories.<c>.said`):
 * the category's `asks` are English clauses, never said in those languages, so without these
 * lines the user only names the thing ("Dr Nowak को लेकर किसी से बात करनी है") and every request
 * reads alike whatever it is about. Said for an issue task's request (one the policy reserves to a person).
 */
const lines = (lang: string) =>
  z
    .array(z.string().min(1))
    .min(1)
    .superRefine((list, ctx) => {
      list.forEach((t, i) => {
        const err = templateError(t, ["item", "greet"]);
        if (err) ctx.addIssue({ code: "custom", path: [i], message: `${err} (in "${t}")` });
      });
    })
    .optional()
    .describe(`${lang} lines: whole requests, {item} the value or row the request names (a line without {item} is said when it names none), {greet} a greeting in the first message`);

export const CategorySaid = z
  .strictObject({ hi: lines("Hindi (Devanagari)"), mixed: lines("Hinglish") })
  .meta({ id: "CategorySaid", description: "how a Hindi or Hinglish user says this category's request in its own words (an issue task's: its asks are English clauses); drawn beside the engine's own lines" });
export type CategorySaid = z.infer<typeof CategorySaid>;
