/** The CPU training worker: CpuTrainers served to the page by messages, so training never blocks the page. */
import { serveTrainers } from './workerHost';
import type { MessageEndpoint } from './workerProtocol';

serveTrainers(self as unknown as MessageEndpoint);
