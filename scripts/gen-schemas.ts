// Regenerates schemas/*.schema.json from the zod definitions in packages/schema.
// A test (test/schemas.test.ts) fails when the checked-in files are stale.
import { fileURLToPath } from "node:url";
import { writeJsonSchemas } from "../packages/schema/src/index.js";

const dir = fileURLToPath(new URL("../schemas/", import.meta.url));
const files = writeJsonSchemas(dir);
console.error(`wrote ${files.length} schemas to schemas/: ${files.join(", ")}`);
