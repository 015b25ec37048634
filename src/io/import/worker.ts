// Module Web Worker that runs imports off the main thread: a request in, progress messages and a result out.
import { handleRequest, type ImportResponse } from './protocol';

/** The parts of the worker global scope this file uses (the DOM lib types `self` as a Window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: ImportResponse): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  handleRequest(event.data, (message) => scope.postMessage(message));
};
