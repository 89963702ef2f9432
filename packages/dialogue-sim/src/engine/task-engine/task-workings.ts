import { evaluate, expressionNumbers, findAcross, findWorking } from "./arithmetic.js";
import { datedTotals, derivedEqual, namedTotals, paymentTotals, prices, savings, writesTotals, type Derived } from "./derive.js";
import { callKey, candidateCalls, leafStrings, leaves, nextRead, type ReadTool } from "./discover.js";
import { MAX_EXPLORE_READS, MAX_READS_PER_ACTION, TaskState } from "./task-state.js";
import { calculatorOf } from "./tool-kinds.js";
import type { Call } from "../../contract.js";

/**
 * How the task engine's assistant works out the numbers no result shows and says the facts a
 * task asks for: the task's own calculation, a quantity derived from what was seen (derive.ts),
 * or, flagged as searched, a working found among shown numbers; done with the pack's
 * calculator when it has one, so the working shows in the dialogue like any other call.
 */
export class TaskWorkings extends TaskState {
  private derivedAt: { at: string; candidates: Derived[] } | undefined;

  /** An arithmetic expression of the task's (a gold calculation) over seen numbers whose value is this fact. */
  protected workedOut(fact: string): string | undefined {
    const target = Number(fact.replaceAll(",", ""));
    if (fact.trim() === "" || !Number.isFinite(target)) return undefined;
    for (const a of this.scenario.task!.evaluation.actions) {
      for (const v of leaves(a.arguments)) {
        if (typeof v !== "string" || !expressionNumbers(v) || !this.seen.has(v)) continue;
        const value = evaluate(v);
        if (value !== undefined && Math.abs(Math.abs(value) - target) < 0.005) return v;
      }
    }
    return undefined;
  }

  /** The read not made yet (tried on a fork) whose result shows the most of these values: where their prices and amounts are. */
  protected readShowing(values: unknown[]): Call | undefined {
    const want = values.filter((v) => typeof v !== "number").map(String);
    return this.bestRead((data) => {
      const shown = new Set(leafStrings(data));
      return want.filter((v) => shown.has(v)).length;
    });
  }

  /** The read not made yet (tried on a fork) whose result prices the most of these records an action names (derive.ts: unpriced). */
  protected readPricing(pending: Array<Record<string, unknown>>, args: Record<string, unknown>): Call | undefined {
    return this.bestRead((data) => pending.filter((e) => prices(data, e, args)).length);
  }

  /** Of the reads not made yet, each tried on a fork of the session, the first whose result scores highest (above 0). */
  protected bestRead(score: (data: unknown) => number): Call | undefined {
    let best: { call: Call; score: number } | undefined;
    for (const tool of this.reads) {
      for (const call of candidateCalls(tool, this.seen)) {
        if (this.made.has(callKey(call))) continue;
        const r = this.session.fork().call(call);
        if (!r.ok) continue;
        const s = score(r.data);
        if (s > (best?.score ?? 0)) best = { call, score: s };
      }
    }
    return best?.call;
  }

  /**
   * Works `target` out with the calculator from an expression over seen numbers: the call shows
   * in the dialogue and its result grounds the value like any other. False when the pack has no
   * calculator, the expression uses an unseen number, or the result is not the target.
   */
  protected calculate(expression: string, target: number): boolean {
    const calc = calculatorOf(this.domain);
    if (!calc || !this.seen.has(expression)) return false;
    const call = { name: calc.name, arguments: { [calc.param]: expression } };
    if (!this.made.has(callKey(call)) && !this.call(call).ok) return false;
    return this.seen.has(target);
  }

  /**
   * A working for a fact no result shows: the task's own calculation, else one derived from what
   * was seen (derive.ts), else — unless `grounded` — one searched among shown numbers (counted as searched).
   */
  protected working(f: string, worked: number[], grounded = false): { how: string; searched: boolean; derived?: Derived } | undefined {
    const gold = this.workedOut(f);
    if (gold) return { how: gold, searched: false };
    const target = Number(f.replaceAll(",", ""));
    if (f.trim() === "" || !Number.isFinite(target)) return undefined;
    const derived = this.derivedFact(target);
    if (derived) return { how: derived.how, searched: false, derived };
    if (grounded) return undefined;
    const how = findWorking(target, this.seen.resultNumbers, worked) ?? findAcross(target, this.seen.shownNumbers);
    return how ? { how, searched: true } : undefined;
  }

  /** A quantity derived from what was seen (derive.ts) equal to this number, over seen numbers only. */
  protected derivedFact(target: number): Derived | undefined {
    // The candidates change only with what was seen: worked out once per new result, message or write.
    const said = this.seen.said();
    const at = `${this.seen.results.length}/${said.length}/${this.writes.length}`;
    if (this.derivedAt?.at !== at) this.derivedAt = { at, candidates: [...namedTotals(this.seen.results, said), ...savings(this.seen.results, said), ...writesTotals(this.writes), ...paymentTotals(this.writes), ...datedTotals(this.seen.results, this.scenario.time?.at)] };
    const d = derivedEqual(target, this.derivedAt.candidates);
    return d && this.seen.has(d.how) ? d : undefined;
  }

  /** The facts the task asks for, said when a result showed them; looked up first like any needed value. */
  protected sayFacts(facts: string[]): void {
    if (facts.length === 0) return;
    const needed = facts.map((f) => (Number.isFinite(Number(f.replaceAll(",", ""))) && f.trim() !== "" ? Number(f.replaceAll(",", "")) : f));
    for (let n = 0; n < MAX_READS_PER_ACTION; n++) {
      const read = nextRead(this.domain, this.session, this.seen, this.reads, needed.filter((v) => !this.seen.shown(String(v))), this.made);
      if (!read) break;
      this.call(read);
    }
    // A number no result shows and no working over what was read gives: the numbers may be in
    // things the user has that were not read yet (their other orders); look those up, a few.
    const unworked = () => facts.filter((f) => !this.seen.shown(f) && !this.working(f, [], true));
    // A fact a write may have changed (a balance after a payment): read again, a few, what was
    // read before the writes, as an agent checks the new figure.
    if (this.writes.length > 0) {
      let again = 0;
      // Only reads whose result showed a value a write was given: the records the writes touched.
      const touched = new Set(this.writes.flatMap((w) => leaves(w.args)).filter((v) => typeof v === "string"));
      for (const { call, shown } of this.readsBeforeWrites) {
        if (again >= MAX_EXPLORE_READS || unworked().length === 0) break;
        if (!shown.some((v) => touched.has(v))) continue;
        this.call(call);
        again++;
      }
    }
    if (unworked().length > 0) {
      let explored = 0;
      // A record by its id first (the user's other orders, reservations): what a total over their things needs.
      const byId = (t: ReadTool): number => (t.required.length === 1 ? 0 : 1);
      for (const tool of this.reads.filter((t) => this.domain.roleOf(t.name) === "lookup").sort((a, b) => byId(a) - byId(b))) {
        for (const call of candidateCalls(tool, this.seen)) {
          if (explored >= MAX_EXPLORE_READS || unworked().length === 0) break;
          // A record read already is skipped, not the rest of the tool's calls (the user's other reservations).
          if (this.made.has(callKey(call))) continue;
          this.call(call);
          explored++;
        }
      }
    }
    const said: string[] = [];
    const worked: number[] = [];
    const calc = calculatorOf(this.domain) !== undefined;
    for (const f of facts) {
      if (this.seen.shown(f)) {
        said.push(f);
        // A fact a result showed is a number the next fact may be worked out from (a difference of two said facts).
        const n = Number(f.replaceAll(",", ""));
        if (f.trim() !== "" && Number.isFinite(n)) worked.push(n);
      } else {
        // A total or a difference no result shows, worked out from numbers the conversation showed:
        // the task's own calculation first, else a working searched among the shown numbers. With
        // the pack's calculator the assistant calls it, and says the value its result shows.
        const w = this.working(f, worked);
        const target = Number(f.replaceAll(",", ""));
        if (!w) {
          this.trace.unsaid.push(f);
          continue;
        }
        if (w.searched) this.trace.searched.push(f);
        if (w.derived) this.trace.derived.push({ value: f, kind: w.derived.kind, how: w.derived.how });
        worked.push(target);
        // The value the calculator's result shows is said as it is; a pack without a calculator
        // (or whose calculator does not compute) gets the working written out in the message.
        if (calc && this.calculate(w.how, target) && this.seen.shown(f)) said.push(f);
        else said.push(`${f} (${w.how})`);
      }
    }
    if (said.length > 0) this.assistant(`Here is what you asked about: ${said.join("; ")}.`);
  }
}
