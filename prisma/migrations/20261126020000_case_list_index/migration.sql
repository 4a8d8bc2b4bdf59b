-- The case list (issue 18 item 3): its date order with the id tie-break (keyset pages) and each
-- row's status (the status counts of its tabs) read from an index alone, without the rows: one
-- index for the whole list (any raisedOn range too), one for the list by segment. They replace
-- the (raisedOn) and (segment, raisedOn) indexes, which they extend.
-- DropIndex
DROP INDEX "Case_raisedOn_idx";

-- DropIndex
DROP INDEX "Case_segment_raisedOn_idx";

-- CreateIndex
CREATE INDEX "Case_raisedOn_id_status_idx" ON "Case"("raisedOn", "id", "status");

-- CreateIndex
CREATE INDEX "Case_segment_raisedOn_id_status_idx" ON "Case"("segment", "raisedOn", "id", "status");

