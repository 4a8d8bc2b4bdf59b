-- Title and complaint as people outside the comp team read them (reporter names scrubbed by
-- app/domain/privacy), with a full-text index of their own: a sales leader's search runs over
-- this text only, so no query can tell whether a hidden word is there. NULL means "not worked
-- out yet": the server fills it at start-up (app/models/public-search.server.ts). A change to
-- the scrubber ships with a migration that sets both columns back to NULL.
ALTER TABLE "Case" ADD COLUMN "publicComplaint" TEXT;
ALTER TABLE "Case" ADD COLUMN "publicTitle" TEXT;

CREATE VIRTUAL TABLE "CaseSearchPublic" USING fts5(publicTitle, publicComplaint, content='Case', content_rowid='id', tokenize='porter unicode61');

CREATE TRIGGER "Case_public_search_insert" AFTER INSERT ON "Case" BEGIN
  INSERT INTO "CaseSearchPublic" (rowid, publicTitle, publicComplaint) VALUES (new.id, new.publicTitle, new.publicComplaint);
END;

CREATE TRIGGER "Case_public_search_delete" AFTER DELETE ON "Case" BEGIN
  INSERT INTO "CaseSearchPublic" ("CaseSearchPublic", rowid, publicTitle, publicComplaint) VALUES ('delete', old.id, old.publicTitle, old.publicComplaint);
END;

CREATE TRIGGER "Case_public_search_update" AFTER UPDATE OF publicTitle, publicComplaint ON "Case" BEGIN
  INSERT INTO "CaseSearchPublic" ("CaseSearchPublic", rowid, publicTitle, publicComplaint) VALUES ('delete', old.id, old.publicTitle, old.publicComplaint);
  INSERT INTO "CaseSearchPublic" (rowid, publicTitle, publicComplaint) VALUES (new.id, new.publicTitle, new.publicComplaint);
END;
