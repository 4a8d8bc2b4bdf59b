// The target band form (admins): the share of reps at or above quota a healthy plan aims for.
import { z } from "zod";

const percent = (label: string) =>
  z.coerce
    .number({ message: `Give the ${label} as a whole percent, like 60` })
    .int(`Give the ${label} as a whole percent, like 60`)
    .min(0, `The ${label} cannot be below 0%`)
    .max(100, `The ${label} cannot be above 100%`);

export const bandSchema = z
  .object({
    bandLow: percent("lower edge"),
    bandHigh: percent("upper edge"),
    version: z.coerce.number().int().min(0),
  })
  .refine((v) => v.bandLow < v.bandHigh, { path: ["bandHigh"], message: "The upper edge must be above the lower edge" });
