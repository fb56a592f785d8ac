import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { inheritedEnvironment } from "@/lib/env";

const CHROMIUM = "/usr/bin/chromium";
/** pdftotext and pdftoppm read the PDF reports back in the tests. */
const POPPLER = "/usr/bin/pdftotext";
/** LibreOffice opens the DOCX reports in the tests, as a user's office suite would. */
const SOFFICE = "/usr/bin/soffice";
/** Times New Roman's metric twin, which LibreOffice sets the DOCX reports in. */
const LIBERATION_SERIF = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf";

export function aptInstall(packages: string[], log: (line: string) => void, why: string) {
  const canInstall = os.userInfo().uid === 0 && spawnSync("which", ["apt-get"]).status === 0;
  if (!canInstall) throw new Error(`${why} Install it (sudo apt-get install ${packages.join(" ")}).`);
  log(`installing Debian's ${packages.join(", ")}…`);
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", ...packages],
  ]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...inheritedEnvironment(), DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed: ${why}`);
  }
}

/**
 * Finds Chromium for the browser tests (CHROMIUM_PATH or /usr/bin/chromium); where
 * it is missing and we may, installs Debian's package; otherwise says how.
 */
export function ensureChromium(given: string | undefined, log: (line: string) => void): string {
  const wanted = given ?? CHROMIUM;
  if (fs.existsSync(wanted)) return wanted;
  if (given) throw new Error(`CHROMIUM_PATH=${given} does not exist.`);
  aptInstall(["chromium"], log, "Chromium is needed for the browser tests and was not found at /usr/bin/chromium, or set CHROMIUM_PATH.");
  if (!fs.existsSync(CHROMIUM)) throw new Error("apt-get installed chromium but /usr/bin/chromium is missing.");
  return CHROMIUM;
}

/** poppler-utils (pdftotext, pdftoppm), with which the tests read the PDF reports back. */
export function ensurePoppler(log: (line: string) => void): void {
  if (fs.existsSync(POPPLER)) return;
  aptInstall(["poppler-utils"], log, "pdftotext and pdftoppm (poppler-utils) read the PDF reports back in the tests.");
}

/**
 * LibreOffice Writer without its GUI (soffice), which converts the DOCX reports to
 * PDF in the tests, and Liberation Serif, in which it shows their Times New Roman:
 * without it the text would be set in another font of other widths.
 */
export function ensureLibreOffice(log: (line: string) => void): void {
  const missing = [
    ...(fs.existsSync(SOFFICE) ? [] : ["libreoffice-writer-nogui"]),
    ...(fs.existsSync(LIBERATION_SERIF) ? [] : ["fonts-liberation"]),
  ];
  if (missing.length) aptInstall(missing, log, "LibreOffice (soffice) and Liberation Serif open the DOCX reports in the tests.");
}
