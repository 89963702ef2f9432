// The world before the conversation: the bookings the user will cancel or change are made
// off-screen on the dialogue's session, and their calls go on the record (meta.setup).
import type { TaskAction } from "@chatmill/schema";
import type { Call } from "../../contract.js";
import { newRef } from "./assistant-policy.js";
import type { Dialog } from "./context.js";
import { bookingArgs } from "./user-agent.js";

/** Bookings the scenario says exist before the dialogue (to cancel or change) are made first, off-screen. */
export function setupBookings(d: Dialog): void {
  if (d.checked) return setupTask(d, d.checked.setup ?? []);
  const setup = (d.scenario.goal as { setup?: Array<{ service: string; match?: Record<string, unknown> }> }).setup;
  if (!Array.isArray(setup)) return;
  for (const s of setup) {
    const service = d.domain.services.find((x) => x.name === s.service);
    const create = service?.booking && d.tools.byName(service.booking.create);
    if (!service || !create) continue;
    const args = bookingArgs(d, create, service, s.match ?? {}, undefined);
    const call: Call = { name: create.name, arguments: args };
    const res = d.session.call(call);
    if (!res.ok) continue;
    d.t.trace.setup.push(call);
    const ref = newRef(d, create);
    const exp = d.scenario.goal.end_state.find((e) => e.service === s.service && (e.type === "booking_cancelled" || e.type === "booking_modified"));
    if (ref && exp) d.t.trace.refs.set(exp, ref);
  }
}

/** The task's setup calls, run off-screen; each booking made is the one the task's change refers to. */
function setupTask(d: Dialog, setup: ReadonlyArray<TaskAction>): void {
  for (const a of setup) {
    const call: Call = { name: a.name, arguments: a.arguments };
    // The world before the conversation is not subject to the flaky backend: a call an injected failure stopped is made again.
    let res = d.session.call(call);
    for (let i = 0; i < 8 && res.injected; i++) res = d.session.call(call);
    if (!res.ok) continue;
    d.t.trace.setup.push(call);
    const service = d.domain.services.find((x) => x.booking?.create === a.name);
    const tool = d.tools.byName(a.name);
    if (!service || !tool) continue;
    const ref = newRef(d, tool);
    const exp = d.scenario.goal.end_state.find((e) => e.service === service.name && (e.type === "booking_cancelled" || e.type === "booking_modified"));
    if (ref && exp) d.t.trace.refs.set(exp, ref);
  }
}
