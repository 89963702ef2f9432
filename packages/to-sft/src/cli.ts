import { runCli } from "@chatmill/kit/cli";
import { spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const { sftTransform } = await import("./sft-transform.js");
  return sftTransform(
    {
      format: args.values.format as string,
      granularity: args.values.granularity as string | undefined,
      system: args.values.system as string | undefined,
      onMistake: args.values["on-mistake"] as string | undefined,
      toolsAs: args.values["tools-as"] as string | undefined,
      checkTemplates: args.values["check-template"] as string[] | undefined,
      serialize: true,
    },
    ctx,
  );
});
