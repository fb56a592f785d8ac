// `npm run lockfile:fix` after any `npm install`: the registry these machines reach
// serves no packages for other platforms, so npm leaves their optional entries out of
// package-lock.json and `npm ci` then refuses the lock. Recording each missing
// optional dependency as an optional entry lets `npm ci` skip it, as it would have.
import fs from "node:fs";

type Entry = { version?: string; dev?: boolean; optional?: boolean; optionalDependencies?: Record<string, string> };

const file = "package-lock.json";
const lock = JSON.parse(fs.readFileSync(file, "utf8")) as { packages: Record<string, Entry> };
const added: string[] = [];
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    lock.packages[key] = { version, ...(entry.dev ? { dev: true } : {}), optional: true };
    added.push(`${name}@${version}`);
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(JSON.stringify({ added }));
