/** The root stack resource: never a change (it exists in every stack). Same token as render/summary.ts. */
export const ROOT_STACK_TYPE_TOKEN = "pulumi:pulumi:Stack";
