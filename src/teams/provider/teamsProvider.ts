/**
 * The module-level singleton every Teams resource class passes to `dynamic.Resource`. Lazy: the text stored in
 * state names the implementation `teams` (src/dynamic/implementations.ts), which loads `createTeamsProvider`
 * (dispatcher.ts) at call time, so it is a few KB, not 300. Kept apart from the dispatcher so the loader's
 * registry can require the dispatcher without coming back here.
 */
import { lazyProvider } from "../../dynamic/lazyProvider";

export const teamsProvider = lazyProvider("teams");
