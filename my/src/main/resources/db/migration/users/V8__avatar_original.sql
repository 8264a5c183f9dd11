-- The upload the shown avatar was made from. When a new avatar replaces it, both files go (the shown one and this
-- original), once the replacement has committed. NULL for avatars made before this column: only their shown file
-- is known.
ALTER TABLE profiles ADD COLUMN avatar_original text;
