import { UsageError } from './errors';

/** `descent bench`: the benchmark (its workloads live in src/bench). */
export async function benchCommand(_args: string[]): Promise<number> {
  throw new UsageError('bench is not available yet');
}
