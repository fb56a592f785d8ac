// Reading the balancer: its stats socket (each server's state and requests served) and its
// request log (which server answered each request, in order).
import fs from "node:fs";
import net from "node:net";
import { HAPROXY_SOCKET, logFile } from "./layout";

function command(line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(HAPROXY_SOCKET);
    let out = "";
    socket.on("data", (chunk) => {
      out += chunk.toString();
    });
    socket.on("end", () => resolve(out));
    socket.on("error", reject);
    socket.write(`${line}\n`);
  });
}

export interface ServerStat {
  server: string;
  status: string;
  /** Requests (sessions) the server has served since the balancer started. */
  total: number;
}

/** The web instances as HAProxy sees them (`show stat`). */
export async function serverStats(): Promise<ServerStat[]> {
  const [header = "", ...rows] = (await command("show stat")).trim().split("\n");
  const columns = header.replace(/^# /, "").split(",");
  const at = (name: string) => columns.indexOf(name);
  return rows
    .map((row) => row.split(","))
    .filter((cells) => cells[at("pxname")] === "app" && !["FRONTEND", "BACKEND"].includes(cells[at("svname")] ?? ""))
    .map((cells) => ({ server: cells[at("svname")]!, status: cells[at("status")]!, total: Number(cells[at("stot")]) }));
}

export interface LoggedRequest {
  id: string;
  server: string;
  status: number;
  method: string;
  uri: string;
}

/** The balancer's log so far: its size now, to read only what follows later. */
export const requestLogMark = () => (fs.existsSync(logFile("balancer")) ? fs.statSync(logFile("balancer")).size : 0);

/** The requests the balancer logged since `mark` (the log-format of pieces.ts: "%ID %s %ST %Ta %HM %HU"). */
export function requestsSince(mark: number): LoggedRequest[] {
  const text = fs.readFileSync(logFile("balancer")).subarray(mark).toString();
  return text
    .split("\n")
    .map((line) => line.split(" "))
    .filter((cells) => cells.length >= 6 && /^\d{3}$/.test(cells[2]!))
    .map(([id, server, status, , method, uri]) => ({ id: id!, server: server!, status: Number(status), method: method!, uri: uri! }));
}
