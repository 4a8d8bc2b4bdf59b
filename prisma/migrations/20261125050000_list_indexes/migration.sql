-- CreateIndex
CREATE INDEX "Case_duplicateOfId_idx" ON "Case"("duplicateOfId");

-- CreateIndex
CREATE INDEX "Case_segment_raisedOn_idx" ON "Case"("segment", "raisedOn");

