import { RecordError } from "@chatmill/kit";
import { describe, expect, it } from "vitest";
import { convertGlaiveText } from "./convert-glaive-text.js";
import { detectFormat } from "./detect-format.js";
import { importRecord } from "./import-records.js";

// The shape of glaiveai/glaive-function-calling-v2 rows as glaive publishes them.
const row = {
  system:
    'SYSTEM: You are a helpful assistant with access to the following functions. Use them if required -\n{\n    "name": "convert_currency",\n    "description": "Convert an amount",\n    "parameters": {\n        "type": "object",\n        "properties": {\n            "amount": {"type": "number"}\n        },\n        "required": ["amount"]\n    }\n}\n\n{\n    "name": "get_rate",\n    "parameters": {"type": "object", "properties": {}}\n}\n',
  chat:
    'USER: Hi, I need to convert 500 USD to Euros.\n\n\nASSISTANT: <functioncall> {"name": "convert_currency", "arguments": \'{"amount": 500, "from_currency": "USD", "to_currency": "EUR"}\'} <|endoftext|>\n\n\nFUNCTION RESPONSE: {"converted_amount": 425.50}\n\n\nASSISTANT: 500 USD is about 425.50 EUR. <|endoftext|>\n\n\nUSER: Thanks!\n\n\nASSISTANT: You\'re welcome! <|endoftext|>\n',
};

describe("convertGlaiveText", () => {
  it("reads glaive's system/chat text: functions into tools, <functioncall> into a call, FUNCTION RESPONSE into its result", () => {
    const c = convertGlaiveText(row);
    expect(c.tools.map((t) => t.function.name)).toEqual(["convert_currency", "get_rate"]);
    expect(c.messages).toEqual([
      { role: "system", content: "You are a helpful assistant with access to the following functions. Use them if required" },
      { role: "user", content: "Hi, I need to convert 500 USD to Euros." },
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", name: "convert_currency", arguments: { amount: 500, from_currency: "USD", to_currency: "EUR" } }] },
      { role: "tool", tool_call_id: "call_1", name: "convert_currency", content: '{"converted_amount": 425.50}', ok: true },
      { role: "assistant", content: "500 USD is about 425.50 EUR." },
      { role: "user", content: "Thanks!" },
      { role: "assistant", content: "You're welcome!" },
    ]);
  });

  it("reads a system prompt with no functions, and is detected and imported as glaive", () => {
    const plain = { system: "SYSTEM: You are a helpful assistant, with no access to external functions.\n\n", chat: "USER: hi\n\n\nASSISTANT: hello <|endoftext|>\n" };
    expect(detectFormat(plain)).toBe("glaive");
    const rec = importRecord(plain, { from: "auto" }, { tool: "chatmill-import", version: "0" });
    expect(rec.tools).toEqual([]);
    expect(rec.messages).toEqual([
      { role: "system", content: "You are a helpful assistant, with no access to external functions." },
      { role: "user", content: "hi" },
      { role: "assistant", content: "hello" },
    ]);
  });

  it("names what is wrong", () => {
    const err = (v: unknown) => {
      try {
        convertGlaiveText(v);
      } catch (e) {
        return e as RecordError;
      }
      throw new Error("expected an error");
    };
    expect(err({ chat: 3 }).path).toBe("/chat");
    expect(err({ chat: "hello" }).message).toMatch(/no 'USER:'/);
    expect(err({ chat: "USER: a\nFUNCTION RESPONSE: {}" }).message).toMatch(/turn 2: a FUNCTION RESPONSE with no <functioncall>/);
    expect(err({ chat: "USER: a\nASSISTANT: <functioncall> {oops}" }).message).toMatch(/turn 2: the <functioncall> is not/);
    expect(err({ system: "SYSTEM: x -\n{\"name\": ", chat: "USER: a" }).path).toBe("/system");
  });
});
