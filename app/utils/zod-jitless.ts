import { z } from "zod";

// zod probes `new Function` for speed, which the Content-Security-Policy (rightly) refuses. It
// probes when the first object schema is made, so this runs before any: root.tsx imports it
// first, and its module comes before every schema's in the browser's shared chunk (decision 027).
z.config({ jitless: true });
