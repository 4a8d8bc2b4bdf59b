-- Full-text search over case titles and complaints (SQLite FTS5, external content). Prisma
-- does not model virtual tables; the app queries it with raw SQL (app/models/case.server.ts).
CREATE VIRTUAL TABLE "CaseSearch" USING fts5(title, complaint, content='Case', content_rowid='id', tokenize='porter unicode61');

INSERT INTO "CaseSearch" (rowid, title, complaint) SELECT id, title, complaint FROM "Case";

CREATE TRIGGER "Case_search_insert" AFTER INSERT ON "Case" BEGIN
  INSERT INTO "CaseSearch" (rowid, title, complaint) VALUES (new.id, new.title, new.complaint);
END;

CREATE TRIGGER "Case_search_delete" AFTER DELETE ON "Case" BEGIN
  INSERT INTO "CaseSearch" ("CaseSearch", rowid, title, complaint) VALUES ('delete', old.id, old.title, old.complaint);
END;

CREATE TRIGGER "Case_search_update" AFTER UPDATE OF title, complaint ON "Case" BEGIN
  INSERT INTO "CaseSearch" ("CaseSearch", rowid, title, complaint) VALUES ('delete', old.id, old.title, old.complaint);
  INSERT INTO "CaseSearch" (rowid, title, complaint) VALUES (new.id, new.title, new.complaint);
END;
