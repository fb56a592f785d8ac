import http from "node:http";

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The local address to send from (fetch cannot choose it). */
  from?: string;
}

/**
 * One request to the server at `base` over a connection of its own (node:http, no keep-alive
 * agent): a cluster hands each new connection to the next worker, and the source address can be chosen.
 */
export function rawRequest(base: string, path: string, options: RawRequestOptions = {}): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const url = new URL(path, base);
    const call = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? "GET",
        headers: options.headers,
        localAddress: options.from,
        agent: false,
      },
      (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    call.on("error", reject);
    call.end(options.body);
  });
}
