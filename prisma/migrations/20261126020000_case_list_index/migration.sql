-- The case list by segment (issue 18 item 3): the filter, the date order with its id tie-break
-- (keyset pages) and the status of each row for the status counts, all read from the index.
-- It replaces the (segment, raisedOn) index, which it extends.
-- DropIndex
DROP INDEX "Case_segment_raisedOn_idx";

-- CreateIndex
CREATE INDEX "Case_segment_raisedOn_id_status_idx" ON "Case"("segment", "raisedOn", "id", "status");

