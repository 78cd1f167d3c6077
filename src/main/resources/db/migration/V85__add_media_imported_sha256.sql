-- No silent overwrites: the SHA-256 of the bytes an import last wrote at a path. While it equals sha256, the file
-- is what the import left there and the next import may replace it; an upload that replaces the file (with
-- If-Match) leaves it behind, so that an import then reports a conflict instead of undoing the upload. Null for
-- files no import wrote (and for those stored before this column): an import never replaces them unasked.
alter table media add column imported_sha256 varchar(64);
