import { ZERO_COUNTS, type ForecastOperation } from "../../../src/forecast/types";

/** A measured operation with nothing counted unless given: an update of centro's numbers by default. */
export const operation = (o: Partial<ForecastOperation>): ForecastOperation => ({
  department: "centro",
  kind: "NumberAssignments",
  key: "centro",
  action: "update",
  ...ZERO_COUNTS,
  ...o,
});
