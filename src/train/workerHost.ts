import type { Observation } from '../core/trainer';
import { CpuTrainer } from '../cpu/cpuTrainer';
import type { MessageEndpoint, WorkerReply, WorkerRequest } from './workerProtocol';

/** The buffers of an observation, handed over instead of copied. */
function observationBuffers(observation: Observation): Transferable[] {
  return [observation.grid, ...(observation.neurons ?? []), observation.layerView?.lines, observation.layerView?.points].filter((array) => array !== undefined).map((array) => array.buffer);
}

/** Runs one request against the worker's trainers; returns the result and the buffers to transfer with it. */
async function perform(trainers: Map<number, CpuTrainer>, request: WorkerRequest): Promise<{ result: unknown; transfer: Transferable[] }> {
  if (request.type === 'create') {
    const trainer = new CpuTrainer(request.setup);
    trainer.backend = { kind: 'cpu', adapter: request.adapter, reason: request.reason };
    trainers.set(request.trainer, trainer);
    return { result: { stepsPerEpoch: trainer.stepsPerEpoch }, transfer: [] };
  }
  const trainer = trainers.get(request.trainer);
  if (!trainer) throw new Error(`trainer ${request.trainer} does not exist (disposed?)`);
  switch (request.type) {
    case 'step': {
      const observation = trainer.stepSync(request.k, request.observe);
      return { result: observation, transfer: observationBuffers(observation) };
    }
    case 'predict': {
      const outputs = await trainer.predict(request.points);
      return { result: outputs, transfer: [outputs.buffer] };
    }
    case 'evaluate':
      return { result: await trainer.evaluate(), transfer: [] };
    case 'separability':
      return { result: trainer.separabilitySync(), transfer: [] };
    case 'getParameters': {
      const parameters = await trainer.getParameters();
      return { result: parameters, transfer: [parameters.buffer] };
    }
    case 'getOptimizerState': {
      const state = await trainer.getOptimizerState();
      return { result: state, transfer: [state.values.buffer] };
    }
    case 'setParameters':
      trainer.setParameters(request.parameters);
      return { result: null, transfer: [] };
    case 'setOptimizerState':
      trainer.setOptimizerState(request.state);
      return { result: null, transfer: [] };
    case 'updateSettings':
      trainer.updateSettings(request.settings);
      return { result: null, transfer: [] };
    case 'dispose':
      trainers.delete(request.trainer);
      return { result: null, transfer: [] };
  }
}

/**
 * Serves CPU trainers over `endpoint` (the worker's global scope, or a MessagePort in tests).
 * Every request is computed synchronously, so replies keep the order of the requests.
 */
export function serveTrainers(endpoint: MessageEndpoint): void {
  const trainers = new Map<number, CpuTrainer>();
  endpoint.onmessage = async (event: MessageEvent) => {
    const request = event.data as WorkerRequest;
    let reply: WorkerReply;
    let transfer: Transferable[] = [];
    try {
      const done = await perform(trainers, request);
      reply = { id: request.id, ok: true, result: done.result };
      transfer = done.transfer;
    } catch (error) {
      reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    endpoint.postMessage(reply, transfer);
  };
}
