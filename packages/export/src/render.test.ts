import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Template } from "@huggingface/jinja";
import { describe, expect, it } from "vitest";
import { ChatTemplate } from "./render.js";

const REF = fileURLToPath(new URL("../../../../shared/ref/chat-templates/", import.meta.url));
const hermes = ChatTemplate.fromFile(join(REF, "hermes-2-pro-llama-3-tool-use.jinja"));

const tool = (description?: string) => ({
  type: "function",
  function: {
    name: "get_order",
    description: "Look up an order.",
    parameters: { type: "object", properties: { order_id: { type: "string", ...(description === undefined ? {} : { description }) } }, required: ["order_id"] },
  },
});
const messages = [{ role: "user", content: "Where is order 42?" }];

describe("ChatTemplate renders `undefined | trim` as Python's jinja2 does", () => {
  it("a parameter without a description renders as one with description \"\" (Python: trim of str(Undefined))", () => {
    const missing = hermes.render(messages, [tool()]);
    // The same text but for the tool's own JSON, which holds the description key when it is there.
    expect(missing).toBe(hermes.render(messages, [tool("")]).replace(', "description": ""', ""));
    expect(missing).toContain("        order_id(str): \"");
    expect(hermes.render(messages, [tool("The order's id.")])).toContain("The order's id.");
  });
  it("only trim: another filter on an undefined value still raises, as it does in @huggingface/jinja", () => {
    expect(() => new ChatTemplate("{{ messages[0].missing | upper }}").render(messages, null)).toThrow(/Cannot apply filter "upper"/);
  });
  it("the interpreter is @huggingface/jinja's own again after a render", () => {
    hermes.render(messages, [tool()]);
    expect(() => new Template("{{ x | trim }}").render({})).toThrow(/Cannot apply filter "trim" to type: UndefinedValue/);
  });
});
