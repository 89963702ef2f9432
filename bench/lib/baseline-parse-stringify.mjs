// The bare Node loop every throughput benchmark compares against: read stdin,
// split lines, JSON.parse, JSON.stringify, write stdout. No validation, no framing.
let rest = "";
let out = [];
const flush = () => {
  if (out.length) process.stdout.write(out.join(""));
  out = [];
};
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  const lines = (rest + chunk).split("\n");
  rest = lines.pop();
  for (const line of lines) if (line) out.push(JSON.stringify(JSON.parse(line)) + "\n");
  flush();
});
process.stdin.on("end", () => {
  if (rest) out.push(JSON.stringify(JSON.parse(rest)) + "\n");
  flush();
});
