import { describe, expect, it } from "vitest";
import { bandSchema } from "./band-schema";

describe("bandSchema", () => {
  it("takes whole percents with the lower edge below the upper", () => {
    expect(bandSchema.parse({ bandLow: "55", bandHigh: "75", version: "1" })).toEqual({ bandLow: 55, bandHigh: 75, version: 1 });
  });
  it("says which edge is wrong", () => {
    const bad = bandSchema.safeParse({ bandLow: "70", bandHigh: "60", version: "1" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(["bandHigh"]);
    expect(bandSchema.safeParse({ bandLow: "abc", bandHigh: "60", version: "1" }).error?.issues[0].message).toBe("Give the lower edge as a whole percent, like 60");
    expect(bandSchema.safeParse({ bandLow: "10", bandHigh: "160", version: "1" }).success).toBe(false);
  });
});
