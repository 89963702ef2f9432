import { expect } from "vitest";
import { loadPackFile } from "./load.js";
import { PackError } from "./pack-error.js";

/** The PackError loading `file` throws (the test fails if it loads, or throws anything else). */
export function packErrorOf(file: string): PackError {
  try {
    loadPackFile(file);
  } catch (err) {
    expect(err).toBeInstanceOf(PackError);
    return err as PackError;
  }
  throw new Error("the pack loaded");
}
