import { describe, expect, it } from "vitest";
import { positionalsToSources } from "./argv.js";
import { spec } from "./spec.js";

describe("positionalsToSources", () => {
  it("moves FILE:TARGET arguments into --source flags, in order, leaving flag values alone", () => {
    expect(positionalsToSources(spec, ["--total", "100", "a.ndjson:30%", "-q", "-:50%", "--tag", "origin", "b:rest"])).toEqual([
      "--total", "100", "-q", "--tag", "origin", "--source=a.ndjson:30%", "--source=-:50%", "--source=b:rest",
    ]);
  });

  it("takes everything after -- as a source, and keeps --source flags", () => {
    expect(positionalsToSources(spec, ["-s", "x:1", "--", "--odd-name.ndjson"])).toEqual(["-s", "x:1", "--source=--odd-name.ndjson"]);
  });
});
