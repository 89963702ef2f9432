import { runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const { statsTransform } = await import("./stats-records.js");
  return statsTransform(
    { htmlFile: args.values.html as string | undefined, title: args.values.title as string | undefined, pretty: args.values.pretty === true, perDialogueFile: args.values["per-dialogue"] as string | undefined },
    ctx,
  );
});
