// The world before the conversation: the bookings the user will cancel or change are made
// off-screen on the dialogue's session, and their calls go on the record (meta.setup).
import { runSetup } from "@chatmill/domains";
import type { TaskAction } from "@chatmill/schema";
import { TaskInvalid } from "../scenario-task.js";
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

/**
 * The task's setup calls, run off-screen (runSetup: on a live backend, with the backend's keys
 * for the rows the setup made); each booking made is the one the task's change refers to. A
 * call the backend refuses means the dialogue cannot start in the world its task describes.
 */
function setupTask(d: Dialog, setup: ReadonlyArray<TaskAction>): void {
  const run = runSetup(d.domain, d.session, setup);
  if (run.refused) throw new TaskInvalid({ message: "a setup call was refused (on a live backend: its data is not the pack's)", action: run.refused.action, error: run.refused.error });
  run.calls.forEach((call, i) => {
    d.t.trace.setup.push(call);
    const service = d.domain.services.find((x) => x.booking?.create === call.name);
    const ref = run.rows[i];
    const exp = service && d.scenario.goal.end_state.find((e) => e.service === service.name && (e.type === "booking_cancelled" || e.type === "booking_modified"));
    if (ref && exp) d.t.trace.refs.set(exp, ref);
  });
}
