import { getHeapStatistics } from "node:v8";
import { collectGarbage } from "./collectGarbage";

/**
 * Keeps a render's heap near its live data. Registering a resource under the mock runtime makes garbage many
 * times its size (serialized inputs, protobuf structs, promise chains: at Madrid scale ~300 MB for ~90 MB that
 * stays), and V8 grows the heap to hold it rather than collect early, so the process's peak memory is mostly
 * garbage. `check` is cheap (a heap statistic); when the heap has grown `growthBytes` past what the last
 * collection left, it collects. A few full collections per render cost tens of milliseconds each.
 */
export class HeapBudget {
  private floor = getHeapStatistics().used_heap_size;

  constructor(private readonly growthBytes = 128 * 1024 * 1024) {}

  check(): void {
    if (getHeapStatistics().used_heap_size < this.floor + this.growthBytes) return;
    collectGarbage();
    this.floor = getHeapStatistics().used_heap_size;
  }
}
