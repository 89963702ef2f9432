import { checkGrpoRow } from "@chatmill/export/rows";
import { promptRows } from "./prompt-rows.js";
import type { RlFormat } from "./types.js";

export const trlGrpo: RlFormat = {
  name: "trl-grpo",
  help: "TRL prompt-only rows {prompt, tools, reference_tool_calls,\nreference_response, environment, dialogue_id} (extra columns reach the\nreward functions; tools the JSON text of the list, --tools-as list: the list)",
  check: checkGrpoRow,
  rows: (d, opts, sink) => promptRows(d, opts, sink, false),
};
