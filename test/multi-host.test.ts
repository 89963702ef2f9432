import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { root, sh } from "./helpers/spawn.js";

// examples/multi-host/: the GNU parallel --sshlogin recipe (every "host" is this machine,
// through test/helpers/fake-ssh.sh) and the Kubernetes Indexed Job (each pod's command run
// here with its JOB_COMPLETION_INDEX) give the same dataset as one process.
const PERSONAS = 18;
const lines = (file: string) => readFileSync(file, "utf8").split("\n").filter(Boolean);
const hasParallel = (await sh("command -v parallel")).code === 0;

let single: string[] | undefined;
async function oneProcess(): Promise<string[]> {
  if (single) return single;
  const dir = mkdtempSync(join(tmpdir(), "chatmill-one-"));
  const r = await sh(
    `persona-sample -n ${PERSONAS} --domain retail --seed 7 | scenario-gen --seed 7 | dialogue-sim --seed 7 | tool-annotate --seed 7 | dedup > ${dir}/one.ndjson`,
  );
  expect(r.code, r.stderr).toBe(0);
  return (single = lines(`${dir}/one.ndjson`));
}

describe("examples/multi-host", () => {
  it.skipIf(!hasParallel)("parallel-hosts.sh: shards over two hosts, merged, equal one process", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chatmill-hosts-"));
    const r = await sh(`bash examples/multi-host/parallel-hosts.sh`, {
      HOSTS: "2/host-a,1/host-b",
      SSH: `${root}test/helpers/fake-ssh.sh`,
      FAKE_SSH_LOG: `${dir}/ssh.log`,
      SHARDS: "3",
      PERSONAS: String(PERSONAS),
      OUT: dir,
      // As on CI runners: no $SHELL. The recipe must not depend on the hosts having one.
      SHELL: "",
    });
    expect(r.code, r.stderr).toBe(0);
    expect(new Set(lines(`${dir}/ssh.log`))).toEqual(new Set(["host-a", "host-b"]));
    expect(lines(`${dir}/dialogues.ndjson`).sort()).toEqual((await oneProcess()).sort());
    expect(r.stderr).toMatch(/merge.sh: 3 shards, \d+ dialogues/);
  }, 600_000);

  it("k8s-job.yaml: an Indexed Job whose pods, run here, with the merge job give one process's dataset", async () => {
    const job = parse(readFileSync(`${root}examples/multi-host/k8s-job.yaml`, "utf8"));
    const merge = parse(readFileSync(`${root}examples/multi-host/k8s-merge-job.yaml`, "utf8"));
    expect(job.kind).toBe("Job");
    expect(job.spec.completionMode).toBe("Indexed");
    const n = job.spec.completions as number;
    const [shardCmd] = job.spec.template.spec.containers.map((c: { command: string[] }) => c.command);
    const [mergeCmd] = merge.spec.template.spec.containers.map((c: { command: string[] }) => c.command);
    // The pods and the merge agree on the shard count and the folder.
    expect(shardCmd[2]).toContain(` ${n} /data/job-1`);
    expect(mergeCmd[2]).toContain(`merge.sh ${n} /data/job-1`);
    const env = Object.fromEntries(job.spec.template.spec.containers[0].env.map((e: { name: string; value: string }) => [e.name, e.value]));
    const dir = mkdtempSync(join(tmpdir(), "chatmill-k8s-"));
    const local = (cmd: string) => cmd.replaceAll("/chatmill/", root).replaceAll("/data/", `${dir}/`);
    const pods = Array.from({ length: n }, (_, k) => k);
    // Four pods at a time, as parallelism asks (on two cores, more would only queue).
    for (let at = 0; at < n; at += job.spec.parallelism) {
      const batch = pods.slice(at, at + job.spec.parallelism);
      const runs = await Promise.all(batch.map((k) => sh(`${shardCmd[0]} ${shardCmd[1]} '${local(shardCmd[2])}'`, { ...env, PERSONAS: String(PERSONAS), JOB_COMPLETION_INDEX: String(k) })));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
    }
    const m = await sh(`${mergeCmd[0]} ${mergeCmd[1]} '${local(mergeCmd[2])}'`);
    expect(m.code, m.stderr).toBe(0);
    expect(env.SEED).toBe("7");
    expect(env.DOMAIN).toBe("retail");
    expect(lines(`${dir}/job-1/dialogues.ndjson`).sort()).toEqual((await oneProcess()).sort());
  }, 600_000);

  it("merge.sh refuses to merge a shard that is missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chatmill-merge-"));
    const r = await sh(`bash examples/multi-host/merge.sh 2 '${dir}'`);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/shard 0 is missing/);
  });
});
