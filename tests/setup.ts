// Pulumi's SDK records a stack trace on every internal promise; under mocks that dominates run time
// (../shared/reference/pulumi-offline.md §2). Tests never read those traces.
Error.stackTraceLimit = 0;
