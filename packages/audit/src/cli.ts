import { UsageError, runCli } from "@chatmill/kit/cli";
import { backendFlags, spec } from "./spec.js";

await runCli(spec, async (args, ctx) => {
  const [{ auditTransform }, { loadDomain, backendFromFlags }] = await Promise.all([import("./audit-transform.js"), import("@chatmill/domains")]);
  const domain = args.values.domain as string | undefined;
  if (domain) {
    try {
      loadDomain(domain);
    } catch (err) {
      throw new UsageError(`--domain: ${(err as Error).message}`);
    }
  }
  const bars = args.values.bars === true;
  const onlyDisagreements = args.values["only-disagreements"] === true;
  if (bars && onlyDisagreements) throw new UsageError("--bars writes totals, not reports: drop --only-disagreements (or run audit twice)");
  const backend = backendFromFlags(args.values, backendFlags);
  return auditTransform({ domain, onlyDisagreements, bars, backend }, ctx);
});
