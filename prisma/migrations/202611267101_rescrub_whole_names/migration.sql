-- Issue 14: the scrubber now also hides a whole name of three or more parts written in lower
-- case. Decision 008: a scrubber change sets the public (scrubbed) text back to NULL, and the
-- server works it out again at start-up.
UPDATE "Case" SET "publicTitle" = NULL, "publicComplaint" = NULL;
