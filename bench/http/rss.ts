// The server's memory: the production server is a cluster (a primary and one Next.js worker
// per core), so its RSS is the sum over its whole process tree, read from /proc.
// Used by the HTTP suite (bench/suites/http.ts) and the soak (bench/soak.ts).
import fs from "node:fs";

function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid …; comm may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // gone
    }
  }
  return parentOf;
}

/** The pids of a process and its descendants, from /proc. */
export function processTree(root: number): number[] {
  const parentOf = parents();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parentOf) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** The pids of a process's children (the cluster primary's: its workers). */
export function childPids(root: number): number[] {
  return [...parents()].filter(([, ppid]) => ppid === root).map(([pid]) => pid);
}

export function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The RSS of a process tree now, in kB (the sum of its processes' VmRSS). */
export function treeRssKb(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + statusKb(pid, "VmRSS"), 0);
}

/** Samples the server's RSS (its whole process tree) every 200 ms; stop() gives the peak in MB. */
export function sampleRss(root: number) {
  let peakKb = 0;
  const sample = () => {
    const kb = treeRssKb(root);
    if (kb > peakKb) peakKb = kb;
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return Math.round(peakKb / 1024);
    },
  };
}
