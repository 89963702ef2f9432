import { RecordError, stableId } from "@chatmill/kit";
import { Scenario } from "@chatmill/schema";
import { isObj, kindOf, shapeError, type Obj } from "./shape.js";

/**
 * tau-bench and tau2-bench task lists → Scenario records with a `task` (issue #17): the
 * user's instructions, the gold actions and the facts to say, for the packs that hold
 * their databases (tau-retail, tau-airline). What has no slot in a Scenario is kept under
 * `task.tau` (the full instruction, annotator, tau2 initial_state, nl_assertions, reward
 * basis as written), so nothing of the source is lost.
 */
export type TauFormat = "tau-bench" | "tau2";

/** What the importer needs to know of the pack a task is for; read from the pack when it is installed. */
export interface TauPackInfo {
  name: string;
  /** The pack's declared hand-off tool: a gold action calling it makes the task "escalated". */
  handoff: string | undefined;
  /** The pack's services (a Scenario names at least one). */
  services: string[];
  /** The tools the pack has, with their declared roles; undefined when the pack is not installed (names are not checked then). */
  roles?: ReadonlyMap<string, string>;
}

/** tau-bench's and tau2's own hand-off tool (both sources name it so): used when the pack is not installed. */
export const TAU_HANDOFF = "transfer_to_human_agents";

/** The chatmill pack for a tau domain. */
export const TAU_PACKS: Record<string, string> = { retail: "tau-retail", airline: "tau-airline" };

export interface TauOptions {
  /** The pack for the task's tau domain (the --domain override, or tau-retail / tau-airline). */
  pack: (tauDomain: string) => TauPackInfo;
}

/** The current time of tau's environments (their policies say 2024-05-15 15:00 EST). */
const TAU_NOW = "2024-05-15T15:00";

export function importTauTask(value: unknown, format: TauFormat, opts: TauOptions, ctx: { tool: string; version: string }): Obj {
  if (!isObj(value)) throw shapeError("", `a ${format} task must be a JSON object, got ${kindOf(value)}`);
  const t = format === "tau-bench" ? fromTauBench(value) : fromTau2(value);
  const pack = opts.pack(t.tauDomain);
  t.actions.forEach((a, i) => {
    if (pack.roles && !pack.roles.has(a.name)) {
      throw new RecordError(`gold action ${i} calls '${a.name}', which the pack '${pack.name}' does not have (it has: ${[...pack.roles.keys()].join(", ")})`, "unknown_tool", `${t.actionsPath}/${i}/name`);
    }
  });
  if (t.lookup && (!pack.roles || pack.roles.has(t.lookup.name))) {
    t.actions.unshift(t.lookup);
    t.extra = { ...t.extra, identity_added: t.lookup.name };
  }
  const escalated = pack.handoff !== undefined && t.actions.some((a) => a.name === pack.handoff);
  const persona = personaOf(t, format);
  const scenario: Obj = {
    id: t.id,
    persona,
    domain: pack.name,
    services: pack.services,
    category: kindOf_(t.actions, pack),
    goal: { text: t.goalText, constraints: [], end_state: [] },
    task: {
      instructions: {
        reason: t.reason,
        ...(Object.keys(t.known).length > 0 ? { known: t.known } : {}),
        ...(t.unknown.length > 0 ? { unknown: t.unknown } : {}),
        ...(t.decisions.length > 0 ? { decisions: t.decisions } : {}),
      },
      evaluation: { actions: t.actions.map(({ name, arguments: a }) => ({ name, arguments: a })), communicate: t.communicate, basis: t.basis },
      tau: t.extra,
    },
    region: "US",
    time: { slot: "weekday_afternoon", at: TAU_NOW },
    emotions: { user: "neutral", assistant: "helpful" },
    resolution: escalated ? "escalated" : "resolved",
    turns: { min: 2, max: 40 },
    source: { dataset: format === "tau-bench" ? "tau-bench" : "tau2-bench", id: t.sourceId, license: "MIT" },
    meta: { engine: "import", tool: ctx.tool, version: ctx.version, from: format, pack_checked: pack.roles !== undefined },
  };
  const checked = Scenario.safeParse(scenario);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new RecordError(`the imported task is not a valid Scenario: ${issue.message}`, "invalid_scenario", `/${issue.path.map(String).join("/")}`);
  }
  return scenario;
}

/** What both formats come down to before they become a Scenario. */
interface TauTask {
  id: string;
  sourceId: string;
  tauDomain: string;
  goalText: string;
  reason: string;
  known: Record<string, string>;
  unknown: string[];
  decisions: string[];
  traits: string[];
  actions: Array<{ name: string; arguments: Obj }>;
  actionsPath: string;
  /** tau-bench: the identity look-up to put before the gold actions (when the pack has that tool). */
  lookup?: { name: string; arguments: Obj };
  communicate: string[];
  basis: Array<"state" | "communicate">;
  extra: Obj;
}

function fromTauBench(v: Obj): TauTask {
  const instruction = v.instruction;
  if (typeof instruction !== "string" || instruction.trim() === "") throw shapeError("/instruction", `a tau-bench task needs 'instruction' (the user's goal text), got ${kindOf(instruction)}`);
  const actions: Array<{ name: string; arguments: Obj; id?: string }> = readActions(v.actions, "/actions", "kwargs");
  const outputs = v.outputs === undefined || v.outputs === null ? [] : v.outputs;
  if (!Array.isArray(outputs) || outputs.some((o) => typeof o !== "string" || o === "")) throw shapeError("/outputs", "'outputs' must be a list of non-empty strings (facts the agent must say)");
  const { known, traits, rest } = parseTauBenchInstruction(instruction);
  const userId = typeof v.user_id === "string" ? v.user_id : undefined;
  // tau-bench's gold lists only the writes; tau's policy has the agent find the user first (tau2
  // writes that look-up into its gold). It is added from what the user knows, so a pack that
  // enforces identity validates the task; a read changes nothing the end state compares.
  const identity = known.email
    ? { name: "find_user_id_by_email", arguments: { email: known.email } }
    : known.first_name && known.zip
      ? { name: "find_user_id_by_name_zip", arguments: { first_name: known.first_name, last_name: known.last_name, zip: known.zip } }
      : undefined;

  return {
    // tau-bench tasks have no id: the content decides it, so the same task gets the same id.
    id: stableId("tau-bench", JSON.stringify(v)),
    sourceId: userId ?? "",
    tauDomain: "retail",
    goalText: instruction.trim(),
    reason: rest || instruction.trim(),
    known,
    unknown: [],
    decisions: [],
    traits,
    actions,
    actionsPath: "/actions",
    communicate: outputs as string[],
    basis: outputs.length > 0 ? ["state", "communicate"] : ["state"],
    ...(identity && actions.length > 0 ? { lookup: identity } : {}),
    extra: { instruction, ...(typeof v.annotator === "string" ? { annotator: v.annotator } : {}), ...(userId ? { user_id: userId } : {}) },
  };
}

function fromTau2(v: Obj): TauTask {
  const scenario = v.user_scenario;
  if (!isObj(scenario) || !isObj(scenario.instructions)) throw shapeError("/user_scenario/instructions", "a tau2 task needs 'user_scenario.instructions' {reason_for_call, known_info, …}");
  const ins = scenario.instructions;
  const reason = ins.reason_for_call;
  if (typeof reason !== "string" || reason.trim() === "") throw shapeError("/user_scenario/instructions/reason_for_call", `a tau2 task needs 'reason_for_call', got ${kindOf(reason)}`);
  const tauDomain = typeof ins.domain === "string" ? ins.domain : "";
  if (!TAU_PACKS[tauDomain]) throw new RecordError(`tau2 domain '${tauDomain}' has no chatmill pack (there are: ${Object.keys(TAU_PACKS).join(", ")})`, "unknown_domain", "/user_scenario/instructions/domain");
  const ev = v.evaluation_criteria;
  if (!isObj(ev)) throw shapeError("/evaluation_criteria", "a tau2 task needs 'evaluation_criteria' {actions, communicate_info, reward_basis}");
  const actions = readActions(ev.actions ?? [], "/evaluation_criteria/actions", "arguments");
  const communicate = ev.communicate_info ?? [];
  if (!Array.isArray(communicate) || communicate.some((c) => typeof c !== "string" || c === "")) throw shapeError("/evaluation_criteria/communicate_info", "'communicate_info' must be a list of non-empty strings");
  const tauBasis = Array.isArray(ev.reward_basis) ? ev.reward_basis.map(String) : ["DB"];
  // DB and COMMUNICATE have a slot; NL_ASSERTION, ACTION and ENV_ASSERTION are kept in task.tau.
  const basis: Array<"state" | "communicate"> = ["state"];
  if (tauBasis.includes("COMMUNICATE")) basis.push("communicate");
  const knownText = typeof ins.known_info === "string" ? ins.known_info : "";
  const id = v.id === undefined || v.id === null ? stableId("tau2", JSON.stringify(v)) : `tau2-${tauDomain}-${String(v.id)}`;
  const text = (s: unknown): string => (typeof s === "string" ? s.trim() : "");
  const paragraphs = (s: unknown): string[] => text(s).split(/\n\s*\n|\n/).map((p) => p.trim()).filter((p) => p !== "");
  return {
    id,
    sourceId: v.id === undefined || v.id === null ? "" : String(v.id),
    tauDomain,
    goalText: [text(reason), text(ins.task_instructions)].filter((s) => s !== "").join("\n\n"),
    reason: reason.trim(),
    known: parseKnown(knownText),
    unknown: paragraphs(ins.unknown_info),
    decisions: paragraphs(ins.task_instructions),
    traits: [],
    actions,
    actionsPath: "/evaluation_criteria/actions",
    communicate: communicate as string[],
    basis,
    extra: {
      known_info: knownText,
      reward_basis: tauBasis,
      action_ids: actions.map((a) => a.id ?? null),
      ...(ev.nl_assertions ? { nl_assertions: ev.nl_assertions } : {}),
      ...(v.initial_state ? { initial_state: v.initial_state } : {}),
      ...(isObj(v.description) ? { description: v.description } : {}),
      ...(scenario.persona ? { persona: scenario.persona } : {}),
      ...(v.annotations ? { annotations: v.annotations } : {}),
    },
  };
}

function readActions(list: unknown, path: string, argsKey: "kwargs" | "arguments"): Array<{ name: string; arguments: Obj; id?: string }> {
  if (!Array.isArray(list)) throw shapeError(path, `the gold actions must be a list, got ${kindOf(list)}`);
  return list.map((a, i) => {
    if (!isObj(a) || typeof a.name !== "string" || a.name === "") throw shapeError(`${path}/${i}`, "a gold action needs a 'name' (the tool)");
    const args = a[argsKey] ?? {};
    if (!isObj(args)) throw shapeError(`${path}/${i}/${argsKey}`, `a gold action's '${argsKey}' must be an object, got ${kindOf(args)}`);
    return { name: a.name, arguments: args, ...(typeof a.action_id === "string" ? { id: a.action_id } : {}) };
  });
}

/** "Your name is Omar Anderson and your zip code is 19031. You are logical, polite. <the request>" */
export function parseTauBenchInstruction(text: string): { known: Record<string, string>; traits: string[]; rest: string } {
  const known = parseKnown(text);
  let rest = text.trim();
  // The name sentence ends at the first ". " before a capital (an email's dots are followed by letters).
  const intro = /^Your name is .*?\.(?:\s+(?=[A-Z])|\s*$)/.exec(rest);
  if (intro) rest = rest.slice(intro[0].length);
  let traits: string[] = [];
  const tr = /^You are ((?:[a-z-]+, )*[a-z-]+)\.\s*/.exec(rest);
  if (tr) {
    traits = tr[1]!.split(", ");
    rest = rest.slice(tr[0].length);
  }
  return { known, traits, rest: rest.trim() };
}

/** Facts a user knows, from tau's free text: name (else the one its user id spells), user id, zip, email, a reservation's confirmation number. */
export function parseKnown(text: string): Record<string, string> {
  const known: Record<string, string> = {};
  const name = /(?:Your name is|You name is|You are|You're|called) ([A-Z][a-zA-Z'-]+(?: [A-Z][a-zA-Z'-]+)+)/.exec(text);
  if (name) {
    known.name = name[1]!;
    const parts = name[1]!.split(" ");
    known.first_name = parts[0]!;
    known.last_name = parts.slice(1).join(" ");
  }
  const user = /user id is:?\s+'?([a-z][a-z0-9]*(?:_[a-z0-9]+)+)'?/i.exec(text) ?? /\b([a-z]+_[a-z]+_\d{4})\b/.exec(text);
  if (user) known.user_id = user[1]!;
  // "You are mei_kovacs_8020": tau's user ids are the user's names and a number, and tau's user
  // simulator answers "Mei Kovacs" when asked for its name (tau2's gold then finds the user by
  // name and zip), so the name is known too.
  const named = user && !known.first_name ? /^([a-z]+)_([a-z]+)_\d+$/.exec(user[1]!) : null;
  if (named) {
    const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
    known.first_name = cap(named[1]!);
    known.last_name = cap(named[2]!);
  }
  // "in zip code 19122", or where they live: "you live in Denver, 80280", "from Houston TX, 77004".
  const zip = /zip ?code(?: is)? (\d{5})/i.exec(text) ?? (/\b(?:live|living|residing|from)\b/i.test(text) ? /\b(\d{5})\b/.exec(text) : null);
  if (zip) known.zip = zip[1]!;
  // A user may know several emails (tau2 tests the first failing): email, email_2, …
  const emails = [...text.matchAll(/([A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g)].map((m) => m[1]!);
  emails.forEach((e, i) => (known[i === 0 ? "email" : `email_${i + 1}`] = e));
  const conf = /(?:confirmation number|reservation id) is:?\s+'?([A-Z0-9]{6})\b/.exec(text);
  if (conf) known.reservation_id = conf[1]!;
  return known;
}

/** The task's kind, for breakdowns: the gold tools that change data (or hand off), in order, else "no_change". */
function kindOf_(actions: ReadonlyArray<{ name: string }>, pack: TauPackInfo): string {
  const acting = actions.filter((a) => (pack.roles ? ["act", "handoff"].includes(pack.roles.get(a.name) ?? "") : true)).map((a) => a.name);
  const unique = [...new Set(acting)];
  return unique.length > 0 ? unique.join("+") : "no_change";
}

function personaOf(t: TauTask, format: TauFormat): Obj {
  const name = t.known.name;
  const who = t.known.user_id ?? (typeof t.extra.user_id === "string" ? t.extra.user_id : undefined) ?? name ?? t.id;
  return {
    id: stableId("persona", format, who),
    ...(name ? { name } : {}),
    domain: TAU_PACKS[t.tauDomain],
    ...(t.traits.length > 0 ? { traits: t.traits } : {}),
    style: "casual",
    language: "en",
    source: { dataset: format === "tau-bench" ? "tau-bench" : "tau2-bench", summary: t.known.user_id ? `tau user ${t.known.user_id}` : `tau task ${t.sourceId}` },
  };
}
