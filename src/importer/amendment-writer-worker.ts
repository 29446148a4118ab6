/**
 * The worker thread of {@link AmendmentWriter}: its own connection to the import's SQLite file,
 * one batch at a time, in the order received; answers each with its counts or its error.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "../../db/connection.js";
import { writeAmendmentBatch, type BatchReply, type BatchRequest } from "./amendment-writer.js";

const port = parentPort!;
const handle = openDatabase((workerData as { file: string }).file);
let queue: Promise<void> = Promise.resolve();

async function write(request: BatchRequest): Promise<void> {
  let reply: BatchReply;
  try {
    reply = { id: request.id, counts: await writeAmendmentBatch(handle.db, request.records, request.context) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
}

port.on("message", (message: BatchRequest | { close: true }) => {
  queue = queue.then(async () => {
    if ("close" in message) {
      await handle.close();
      port.close();
      return;
    }
    await write(message);
  });
});
