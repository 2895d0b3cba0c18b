-- The value an edit of a list merged item by item (a record's problems) replaced, as the editing side held it: the
-- base of the three-way merge, passed on with the entry. NULL for every other entry, and for older apps'.
ALTER TABLE entries ADD COLUMN old text;
