import "server-only";
import cluster from "node:cluster";
import { AggregatorRegistry } from "prom-client";
import { metrics } from "./metrics";

/**
 * One scrape shows the whole instance, all its cluster workers: the worker that gets
 * GET /api/metrics asks the primary over the cluster's IPC channel; the primary asks every worker
 * for its registry (prom-client's AggregatorRegistry, its own IPC messages), sums them and
 * sends back the text.
 */
const ASK = "metodaudit:metrics-request";
const ANSWER = "metodaudit:metrics-answer";
/** prom-client gives up on a worker after 5 s; a little longer here so that its error is the one seen. */
const ANSWER_TIMEOUT_MS = 6_000;

interface Ask {
  type: typeof ASK;
  id: number;
}
interface Answer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

/** In the primary: answers the workers' requests for the instance's metrics. */
export function answerMetricsRequests(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker, message: Partial<Ask>) => {
    if (message?.type !== ASK) return;
    const reply = (answer: Omit<Answer, "type" | "id">) => {
      if (worker.isConnected()) worker.send({ type: ANSWER, id: message.id, ...answer });
    };
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: unknown) => reply({ error: (error as Error).message }),
    );
  });
}

/** In a worker: lets the primary's aggregator read this process's registry. */
export function offerWorkerMetrics(): void {
  AggregatorRegistry.setRegistries([metrics().registry]);
  // Constructing one adds prom-client's listener for the primary's requests.
  new AggregatorRegistry();
}

let asked = 0;

/** The Prometheus text of the whole instance; a process outside a cluster (next dev) gives its own. */
export async function instanceMetrics(): Promise<string> {
  const send = process.send?.bind(process);
  if (!cluster.isWorker || !send) return metrics().registry.metrics();
  const id = ++asked;
  return new Promise<string>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      process.off("message", listen);
    };
    const listen = (message: Partial<Answer>) => {
      if (message?.type !== ANSWER || message.id !== id) return;
      done();
      if (message.text !== undefined) resolve(message.text);
      else reject(new Error(`the cluster's metrics were not gathered: ${message.error}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`the cluster's primary gave no metrics in ${ANSWER_TIMEOUT_MS} ms`));
    }, ANSWER_TIMEOUT_MS);
    process.on("message", listen);
    send({ type: ASK, id } satisfies Ask);
  });
}
